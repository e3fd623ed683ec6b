using System.Globalization;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Persistence;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>The operator rates and sizes, termination limits and fitness of a run (from its stored config).</summary>
internal sealed record GeneticReport(
    int TournamentSize,
    double EliteRatio,
    double CrossoverRate,
    string Crossover,
    double SbxEta,
    double BlendAlpha,
    double MutationRate,
    double MutationScale,
    double ImmigrantRatio,
    double DiversityFloor,
    double UniqueFloor,
    int StagnationGenerations,
    double? TimeBudgetSeconds,
    int HallOfFameSize,
    IReadOnlyDictionary<string, double>? SeedTypeWeights,
    IReadOnlyList<string>? ParetoMetrics,
    CompositeFitnessOptions Fitness)
{
    public static GeneticReport From(EvolutionOptions o) => new(
        o.TournamentSize,
        o.EliteRatio,
        o.CrossoverRate,
        EvolutionRunStore.Name(o.Crossover),
        o.SbxEta,
        o.BlendAlpha,
        o.MutationRate,
        o.MutationScale,
        o.ImmigrantRatio,
        o.DiversityFloor,
        o.UniqueFloor,
        o.StagnationGenerations,
        o.TimeBudget?.TotalSeconds,
        o.HallOfFameSize,
        o.SeedTypeWeights,
        o.Objective == EvolutionObjective.Pareto ? [EvolutionRunStore.Name(o.Objective1), EvolutionRunStore.Name(o.Objective2)] : null,
        o.Fitness);

    /// <summary>One line for the human report: the operators.</summary>
    public string DescribeOperators() => F(
        $"tournament {TournamentSize}, elite {EliteRatio:0.###}, crossover {CrossoverRate:0.###} ({Crossover}), mutation {MutationRate:0.###} x {MutationScale:0.###} range, immigrants {ImmigrantRatio:0.###} below diversity {DiversityFloor:0.###}")
        + (SeedTypeWeights is null ? string.Empty : "; initial shares " + string.Join(" ", SeedTypeWeights.Select(w => F($"{w.Key}={w.Value:0.###}"))));

    /// <summary>One line for the human report: what is maximised and when the run stops.</summary>
    public string DescribeFitness() =>
        (ParetoMetrics is { } m
            ? $"NSGA-II on {m[0]} and {m[1]}"
            : F($"{Fitness.SharpeWeight:0.###} sharpe + {Fitness.ReturnWeight:0.###} return - {Fitness.DrawdownWeight:0.###} drawdown - {Fitness.TradePenalty:0.###} x trade shortfall below {Fitness.MinTrades}")
              + (Fitness.ConsistencyPenalty > 0 ? F($" - {Fitness.ConsistencyPenalty:0.###} x std over folds") : string.Empty))
        + F($"; stop: stagnation {StagnationGenerations}") + (TimeBudgetSeconds is { } t ? F($", budget {t:0.#} s") : string.Empty);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
