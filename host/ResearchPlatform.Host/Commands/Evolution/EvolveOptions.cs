using System.CommandLine;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>The options of <c>rp evolve</c>, with the GA's documented defaults.</summary>
internal sealed class EvolveOptions
{
    public Option<string?> Symbol { get; } = new("--symbol") { Description = "Symbol of bars stored in the workspace, e.g. BTC/USDT (with --interval); with --data, names the file's symbol" };

    public Option<string?> Interval { get; } = new("--interval") { Description = "Bar interval of the stored bars, e.g. 1h; with --data, overrides the inferred interval" };

    public Option<string?> Data { get; } = new("--data") { Description = "Read the bars from a market-data file instead of the workspace" };

    public Option<int> Population { get; } = new("--population") { Description = "Individuals per generation", DefaultValueFactory = _ => 200 };

    public Option<int> Generations { get; } = new("--generations") { Description = "Generations (including the initial one)", DefaultValueFactory = _ => 30 };

    public Option<int> Seed { get; } = new("--seed") { Description = "Random seed (recorded with the run; same seed + data + options = same result)", DefaultValueFactory = _ => 42 };

    public Option<string?> SeedTypes { get; } = new("--seed-types") { Description = "Comma-separated seed type ids (default: every loaded seed type); id=weight sets the initial population share, e.g. momentum=2,breakout=1 (equal by default)" };

    public Option<int> Folds { get; } = new("--folds") { Description = "Walk-forward folds", DefaultValueFactory = _ => 4 };

    public Option<string> FoldMode { get; } = new Option<string>("--fold-mode") { Description = "rolling (every test window strictly out of sample) or anchored (expanding)", DefaultValueFactory = _ => "rolling" }
        .AcceptOnlyFromAmong("rolling", "anchored");

    public Option<int> Embargo { get; } = new("--embargo") { Description = "Bars left out after each test window before the next training window", DefaultValueFactory = _ => 0 };

    public Option<double> Holdout { get; } = new("--holdout") { Description = "Share of the data at its end kept as hold-out, never seen by selection", DefaultValueFactory = _ => 0.2 };

    public Option<string> Objective { get; } = new Option<string>("--objective") { Description = "composite (weighted fitness, elitist GA) or pareto (NSGA-II on Sharpe and -max drawdown)", DefaultValueFactory = _ => "composite" }
        .AcceptOnlyFromAmong("composite", "pareto");

    public Option<int> MinTrades { get; } = new("--min-trades") { Description = "Trades per training window below which fitness is penalised", DefaultValueFactory = _ => 10 };

    public Option<string> Niching { get; } = new Option<string>("--niching") { Description = "Keep seed-type families alive: species (offspring quota + best member kept per seed type), sharing (fitness sharing within --sharing-radius) or none", DefaultValueFactory = _ => "species" }
        .AcceptOnlyFromAmong("species", "sharing", "none");

    public Option<double> NicheQuota { get; } = new("--niche-quota") { Description = "With --niching species: minimum share of the offspring bred within each seed type (capped at 1 / seed types)", DefaultValueFactory = _ => 0.1 };

    public Option<double> SharingRadius { get; } = new("--sharing-radius") { Description = "With --niching sharing: normalised gene distance within which members share fitness", DefaultValueFactory = _ => 0.1 };

    public Option<double> HofMinDistance { get; } = new("--hof-min-distance") { Description = "Hall of fame: minimum normalised gene distance from every better member of the same seed type", DefaultValueFactory = _ => 0.05 };

    public Option<int> HofPerType { get; } = new("--hof-per-type") { Description = "Hall of fame: places reserved for the best of each seed type in the final population (0 = by fitness only)", DefaultValueFactory = _ => 1 };

    public Option<int> Stagnation { get; } = new("--stagnation") { Description = "Stop when the best fitness has not improved for this many generations (0 = never)", DefaultValueFactory = _ => 10 };

    public Option<string?> TimeBudget { get; } = new("--time-budget") { Description = "Stop after the generation that exceeds this wall-clock time, e.g. 10m, 90s, 2h" };

    public Option<int> Threads { get; } = new("--threads") { Description = "Evaluation threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };

    public Option<string?> EvalTimeout { get; } = new("--eval-timeout") { Description = "Per-evaluation time limit, e.g. 30s: a pathological individual is recorded as timed out and the generation completes (default: none)" };

    public Option<string?> Resume { get; } = new("--resume") { Description = "Continue a stopped run from its last completed generation (RUN_ID from rp runs list)" };

    public Option<bool> Json { get; } = CommonOptions.JsonOption();

    public Option<bool> NoAlerts { get; } = Alerts.CliAlerting.NoAlertsOption();

    public Option<string?> Cluster { get; } = Commands.Cluster.ClusterCliOptions.Cluster(required: false);

    public Option<int> ClusterThreshold { get; } = new("--cluster-threshold") { Description = "With --cluster: evaluate on the cluster only when the population exceeds this size", DefaultValueFactory = _ => 100 };

    public Option<bool> NoLocalFallback { get; } = new("--no-local-fallback") { Description = "With --cluster: fail with a clear message instead of evaluating locally when no silo is left" };

    public Option<string?> BatchTimeout { get; } = new("--batch-timeout") { Description = "With --cluster: seconds a batch may take before its silo counts as dead and the batch goes to a survivor (default 30s)" };

    /// <summary>Operator rates and sizes, fitness weights, NSGA-II metrics.</summary>
    public EvolveTuning Tuning { get; } = new();

    /// <summary>Options that define a run (not allowed with --resume).</summary>
    public IEnumerable<Option> RunOptions() =>
        [Symbol, Interval, Data, Population, Generations, Seed, SeedTypes, Folds, FoldMode, Embargo, Holdout, Objective, MinTrades, TimeBudget, Stagnation, Niching, NicheQuota, SharingRadius, HofMinDistance, HofPerType, .. Tuning.All()];

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in RunOptions().Concat([Threads, EvalTimeout, Resume, Json, NoAlerts, Cluster, ClusterThreshold, NoLocalFallback, BatchTimeout]))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The GA options the command line asks for, over the seed types <paramref name="seedIds"/> it chose.</summary>
    public EvolutionOptions ToEvolutionOptions(ParseResult parse, IReadOnlyList<string> seedIds)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var values = Tuning.Values(parse) with
        {
            SeedTypes = parse.GetValue(SeedTypes),
            MinTrades = parse.GetValue(MinTrades),
            Niching = parse.GetValue(Niching),
            NicheQuota = parse.GetValue(NicheQuota),
            SharingRadius = parse.GetValue(SharingRadius),
            HofMinDistance = parse.GetValue(HofMinDistance),
            HofPerType = parse.GetValue(HofPerType),
        };
        return values.ApplyTo(
            new EvolutionOptions
            {
                PopulationSize = parse.GetValue(Population),
                Generations = parse.GetValue(Generations),
                Seed = parse.GetValue(Seed),
                Objective = Enum.Parse<EvolutionObjective>(parse.GetValue(Objective)!, ignoreCase: true),
                TimeBudget = EvolveInputs.ParseDuration(parse.GetValue(TimeBudget), "--time-budget"),
                StagnationGenerations = parse.GetValue(Stagnation),
                Threads = parse.GetValue(Threads),
            },
            seedIds);
    }
}
