using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>
/// The GA's operator rates and sizes, the composite fitness weights and the NSGA-II metrics on the command line of
/// <c>rp evolve</c>, each with the engine's documented default (<see cref="EvolutionOptions"/>), and the parsing of the
/// <c>name=value</c> lists (<c>--seed-types momentum=2,breakout=1</c>, <c>--fitness-weights sharpe=1,drawdown=2</c>).
/// </summary>
internal sealed class EvolveTuning
{
    /// <summary>The keys of <c>--fitness-weights</c>.</summary>
    public static readonly IReadOnlyList<string> FitnessKeys = ["sharpe", "return", "drawdown", "trade_penalty", "consistency"];

    private static readonly EvolutionOptions Defaults = new();

    public Option<int> TournamentSize { get; } = new("--tournament-size") { Description = "Candidates per tournament (selection pressure)", DefaultValueFactory = _ => Defaults.TournamentSize };

    public Option<double> EliteRatio { get; } = new("--elite-ratio") { Description = "Share of the population carried unchanged to the next generation (composite mode)", DefaultValueFactory = _ => Defaults.EliteRatio };

    public Option<double> CrossoverRate { get; } = new("--crossover-rate") { Description = "Probability that a pair of parents (same seed type) is recombined", DefaultValueFactory = _ => Defaults.CrossoverRate };

    public Option<string> Crossover { get; } = new Option<string>("--crossover") { Description = "Recombination of real genes: sbx (simulated binary) or blend (BLX-alpha); integer and categorical genes use uniform crossover", DefaultValueFactory = _ => "sbx" }
        .AcceptOnlyFromAmong("sbx", "blend");

    public Option<double> MutationRate { get; } = new("--mutation-rate") { Description = "Per-gene mutation probability", DefaultValueFactory = _ => Defaults.MutationRate };

    public Option<double> MutationScale { get; } = new("--mutation-scale") { Description = "Gaussian mutation sigma as a share of the gene's range (integer genes move at least 1)", DefaultValueFactory = _ => Defaults.MutationScale };

    public Option<double> ImmigrantRatio { get; } = new("--immigrant-ratio") { Description = "Share of the next generation replaced by random immigrants when diversity collapses", DefaultValueFactory = _ => Defaults.ImmigrantRatio };

    public Option<double> DiversityFloor { get; } = new("--diversity-floor") { Description = "Mean normalised gene distance below which diversity counts as collapsed (also when under half the members are distinct)", DefaultValueFactory = _ => Defaults.DiversityFloor };

    public Option<int> HallOfFame { get; } = new("--hall-of-fame") { Description = "Distinct individuals kept in the hall of fame", DefaultValueFactory = _ => Defaults.HallOfFameSize };

    public Option<string?> ParetoMetrics { get; } = new("--pareto-metrics") { Description = "With --objective pareto: the two metrics NSGA-II maximises, from sharpe, annual_return, neg_max_drawdown, trades, composite (default sharpe,neg_max_drawdown)" };

    public Option<string?> FitnessWeights { get; } = new("--fitness-weights") { Description = "Composite fitness weights, e.g. sharpe=1,return=0.5,drawdown=1,trade_penalty=2,consistency=0 (those are the defaults; keys left out keep them)" };

    /// <summary>Every option (all define a run, so none is allowed with --resume).</summary>
    public IEnumerable<Option> All() =>
        [TournamentSize, EliteRatio, CrossoverRate, Crossover, MutationRate, MutationScale, ImmigrantRatio, DiversityFloor, HallOfFame, ParetoMetrics, FitnessWeights];

    /// <summary>The settings the command line gives (every option has its default, so every value is set).</summary>
    public TuningValues Values(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new TuningValues
        {
            TournamentSize = parse.GetValue(TournamentSize),
            EliteRatio = parse.GetValue(EliteRatio),
            CrossoverRate = parse.GetValue(CrossoverRate),
            Crossover = parse.GetValue(Crossover),
            MutationRate = parse.GetValue(MutationRate),
            MutationScale = parse.GetValue(MutationScale),
            ImmigrantRatio = parse.GetValue(ImmigrantRatio),
            DiversityFloor = parse.GetValue(DiversityFloor),
            HallOfFame = parse.GetValue(HallOfFame),
            ParetoMetrics = parse.GetValue(ParetoMetrics),
            FitnessWeights = parse.GetValue(FitnessWeights),
        };
    }

    /// <summary>The seed type ids of <c>--seed-types</c> (weights removed), comma-separated; null when none were given.</summary>
    public static string? SeedTypeIds(string? seedTypes, string option = "--seed-types") =>
        string.IsNullOrWhiteSpace(seedTypes) ? null : string.Join(',', Pairs(seedTypes, option).Select(p => p.Key));

    /// <summary>
    /// The initial share per seed type from <c>--seed-types id=weight,...</c> (an id without a weight weighs 1); null (equal
    /// shares) when no weight is given. The keys are <paramref name="seedIds"/>: the ids as the plugins spell them, in the
    /// order of <paramref name="seedTypes"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, double>? SeedTypeWeights(string? seedTypes, IReadOnlyList<string> seedIds, string option = "--seed-types")
    {
        ArgumentNullException.ThrowIfNull(seedIds);
        if (string.IsNullOrWhiteSpace(seedTypes))
        {
            return null;
        }

        var pairs = Pairs(seedTypes, option);
        if (pairs.All(p => p.Value is null))
        {
            return null;
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (id, value) = pairs[i];
            var w = value is null ? 1.0 : Number(value, $"{option}: weight of '{id}'");
            if (w < 0)
            {
                throw new BadInputException(F($"{option}: weight of '{id}' must be >= 0 (was {w})"));
            }

            weights[seedIds[i]] = w;
        }

        return weights.Values.Any(w => w > 0) ? weights : throw new BadInputException($"{option}: every weight is 0");
    }

    /// <summary>The composite fitness weights of <c>--fitness-weights</c> over <paramref name="start"/>.</summary>
    public static CompositeFitnessOptions ParseFitness(string? text, CompositeFitnessOptions start, string option = "--fitness-weights")
    {
        ArgumentNullException.ThrowIfNull(start);
        if (string.IsNullOrWhiteSpace(text))
        {
            return start;
        }

        var fitness = start;
        foreach (var (key, value) in Pairs(text, option))
        {
            var what = $"{option}: {key}";
            var v = value is null ? throw new BadInputException($"{what} needs a value ({key}=NUMBER)") : Number(value, what);
            fitness = key switch
            {
                "sharpe" => fitness with { SharpeWeight = v },
                "return" => fitness with { ReturnWeight = v },
                "drawdown" => fitness with { DrawdownWeight = v },
                "trade_penalty" => fitness with { TradePenalty = v },
                "consistency" => fitness with { ConsistencyPenalty = v },
                _ => throw new BadInputException($"{option}: unknown key '{key}' (known: {string.Join(", ", FitnessKeys)})"),
            };
        }

        return fitness;
    }

    /// <summary>The two NSGA-II metrics of <c>--pareto-metrics</c>; null when not given. <paramref name="label"/> names options in errors.</summary>
    public static (ObjectiveMetric First, ObjectiveMetric Second)? ParseMetrics(string? text, EvolutionObjective objective, Func<string, string>? label = null)
    {
        var l = label ?? (n => n);
        var option = l("--pareto-metrics");
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (objective != EvolutionObjective.Pareto)
        {
            throw new BadInputException($"{option}: applies only with {l("--objective")} pareto");
        }

        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var known = Enum.GetValues<ObjectiveMetric>().ToDictionary(m => EvolutionRunStore.Name(m), StringComparer.OrdinalIgnoreCase);
        if (names.Length != 2)
        {
            throw new BadInputException($"{option}: give exactly two metrics, e.g. sharpe,neg_max_drawdown (was '{text}')");
        }

        var metrics = names.Select(n => known.TryGetValue(n, out var m) ? m
            : throw new BadInputException($"{option}: unknown metric '{n}' (known: {string.Join(", ", known.Keys)})")).ToArray();
        return (metrics[0], metrics[1]);
    }

    private static List<KeyValuePair<string, string?>> Pairs(string text, string option)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var key = (eq < 0 ? item : item[..eq]).Trim();
            if (key.Length == 0)
            {
                throw new BadInputException($"{option}: '{item}' has no name");
            }

            if (pairs.Any(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                throw new BadInputException($"{option}: '{key}' is given twice");
            }

            pairs.Add(new(key, eq < 0 ? null : item[(eq + 1)..].Trim()));
        }

        return pairs;
    }

    private static double Number(string text, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new BadInputException($"{what}: '{text}' is not a number");

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
