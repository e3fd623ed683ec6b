using System.CommandLine;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Evolution;

namespace ResearchPlatform.Host.Commands.RiskEvolution;

/// <summary>The options of <c>rp evolve-risk</c>.</summary>
internal sealed class EvolveRiskOptions
{
    public Option<string?> Symbol { get; } = new("--symbol") { Description = "Symbol of bars stored in the workspace (with --interval); with --data, names the file's symbol" };

    public Option<string?> Interval { get; } = new("--interval") { Description = "Bar interval of the stored bars, e.g. 1h; with --data, overrides the inferred interval" };

    public Option<string?> Data { get; } = new("--data") { Description = "Read the bars from a market-data file instead of the workspace" };

    public Option<string?> Strategies { get; } = new("--strategies") { Description = "The strategies: the top N of an evolution run's hall of fame, RUN_ID:N (e.g. evo-0001:3)" };

    public Option<string?> Seed { get; } = new("--seed") { Description = "The strategy: one seed type id (instead of --strategies), with --gene overrides" };

    public Option<string[]> Genes { get; } = new("--gene") { Description = "Gene of the --seed strategy, name=value (repeatable; others keep their defaults)", AllowMultipleArgumentsPerToken = false };

    public Option<string> Risk { get; } = new("--risk") { Description = "Risk genome definition to evolve (plugin id, e.g. default, conservative)", DefaultValueFactory = _ => "default" };

    public Option<int> Population { get; } = new("--population") { Description = "Risk genomes per generation", DefaultValueFactory = _ => 30 };

    public Option<int> Generations { get; } = new("--generations") { Description = "Generations (including the initial one)", DefaultValueFactory = _ => 10 };

    public Option<int> GaSeed { get; } = new("--ga-seed") { Description = "Random seed of the GA (recorded; same seed + data + options = same result)", DefaultValueFactory = _ => 42 };

    public Option<int> Folds { get; } = new("--folds") { Description = "Walk-forward folds", DefaultValueFactory = _ => 3 };

    public Option<string> FoldMode { get; } = new Option<string>("--fold-mode") { Description = "rolling or anchored", DefaultValueFactory = _ => "rolling" }
        .AcceptOnlyFromAmong("rolling", "anchored");

    public Option<double> Holdout { get; } = new("--holdout") { Description = "Share of the data at its end kept as hold-out, never seen by selection", DefaultValueFactory = _ => 0.2 };

    public Option<int> MinTrades { get; } = new("--min-trades") { Description = "Portfolio trades per training window below which fitness is penalised (0 = no penalty: a breaker that stops trading is not punished for it)", DefaultValueFactory = _ => 0 };

    public Option<string?> TimeBudget { get; } = new("--time-budget") { Description = "Stop after the generation that exceeds this wall-clock time, e.g. 10m" };

    public Option<int> Threads { get; } = new("--threads") { Description = "Evaluation threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };

    public Option<string?> EvalTimeout { get; } = new("--eval-timeout") { Description = "Per-evaluation time limit, e.g. 30s: a genome that exceeds it is recorded as timed out and the generation completes" };

    public Option<string?> Resume { get; } = new("--resume") { Description = "Continue a stopped risk-genome run from its last completed generation" };

    public Option<bool> Json { get; } = CommonOptions.JsonOption();

    public Option<string?> FearGreed { get; } = RiskMarketInputs.FearGreedOption();

    public Option<bool> NoAlerts { get; } = Alerts.CliAlerting.NoAlertsOption();

    /// <summary>Options that define a run (not allowed with --resume).</summary>
    public IEnumerable<Option> RunOptions() =>
        [Symbol, Interval, Data, Strategies, Seed, Genes, Risk, Population, Generations, GaSeed, Folds, FoldMode, Holdout, MinTrades, TimeBudget];

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in RunOptions().Concat([Threads, EvalTimeout, Resume, Json, FearGreed, NoAlerts]))
        {
            command.Options.Add(option);
        }
    }

    public EvolutionOptions ToEvolutionOptions(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new EvolutionOptions
        {
            PopulationSize = parse.GetValue(Population),
            Generations = parse.GetValue(Generations),
            Seed = parse.GetValue(GaSeed),
            TimeBudget = EvolveInputs.ParseDuration(parse.GetValue(TimeBudget), "--time-budget"),
            Threads = Math.Max(1, parse.GetValue(Threads)),
            HallOfFameSize = 10,
            Fitness = new CompositeFitnessOptions(MinTrades: parse.GetValue(MinTrades)),
        };
    }

    public WalkForwardOptions ToWalkForward(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new WalkForwardOptions(parse.GetValue(Folds), Enum.Parse<FoldMode>(parse.GetValue(FoldMode)!, true), parse.GetValue(Holdout), 0.25, 0);
    }
}
