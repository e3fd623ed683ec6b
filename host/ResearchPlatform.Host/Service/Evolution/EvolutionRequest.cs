using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Host.Commands.Evolution;

namespace ResearchPlatform.Host.Service.Evolution;

/// <summary>
/// The body of <c>POST /api/evolution/runs</c>: which bars, which seed types and how big a run. Small defaults (population
/// 16, 30 generations, one thread) so a run started from the dashboard never takes the service's cores away from trading.
/// Every other setting of <c>rp evolve</c> (<see cref="Tuning"/>) is mapped and checked by the same code the command uses.
/// </summary>
internal sealed record EvolutionRequest
{
    public required string Symbol { get; init; }

    public required string Interval { get; init; }

    /// <summary>Seed type ids, comma-separated (weights removed; they are in <see cref="Tuning"/>).</summary>
    public string? SeedTypes => EvolveTuning.SeedTypeIds(Tuning.SeedTypes, Label("--seed-types"));

    /// <summary>The GA settings beyond the size of the run, as given (null = the engine's default).</summary>
    public TuningValues Tuning { get; init; } = new();

    public FoldMode FoldMode { get; init; } = FoldMode.Rolling;

    public int Embargo { get; init; }

    public int Population { get; init; } = 16;

    public int Generations { get; init; } = 30;

    public int Seed { get; init; } = 42;

    public EvolutionObjective Objective { get; init; } = EvolutionObjective.Composite;

    /// <summary>Stop after the generation that passes this much wall-clock time (null = run every generation).</summary>
    public double? TimeBudgetSeconds { get; init; }

    /// <summary>Generations without improvement before stopping (0 = never; a time-boxed run usually wants 0).</summary>
    public int Stagnation { get; init; } = 10;

    public int Folds { get; init; } = 3;

    public double Holdout { get; init; } = 0.2;

    public int Threads { get; init; } = 1;

    /// <summary>The body's fields, in the order the API documents them; any other field is refused.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "symbol", "interval", "seed_types", "population", "generations", "seed", "objective", "time_budget_seconds", "stagnation", "folds",
        "fold_mode", "embargo", "holdout", "threads", "min_trades", "tournament_size", "elite_ratio", "crossover_rate", "crossover",
        "mutation_rate", "mutation_scale", "immigrant_ratio", "diversity_floor", "hall_of_fame", "pareto_metrics", "fitness_weights",
        "niching", "niche_quota", "sharing_radius", "hof_min_distance", "hof_per_type",
    ];

    /// <summary>The engine options; <paramref name="seedIds"/> are the chosen seed types as the plugins spell them (default: as given).</summary>
    /// <exception cref="Cli.BadInputException">A setting is refused (the message names the field).</exception>
    public EvolutionOptions ToEvolutionOptions(IReadOnlyList<string>? seedIds = null) => Tuning.ApplyTo(
        new EvolutionOptions
        {
            PopulationSize = Population,
            Generations = Generations,
            Seed = Seed,
            Objective = Objective,
            TimeBudget = TimeBudgetSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
            StagnationGenerations = Stagnation,
            Threads = Threads,
            Fitness = new CompositeFitnessOptions(),
        },
        seedIds ?? SeedTypes?.Split(',') ?? [],
        Label);

    public WalkForwardOptions ToWalkForward() => new(Folds, FoldMode, Holdout, 0.25, Embargo);

    /// <summary>The body field of a <c>rp evolve</c> option: <c>--elite-ratio</c> is <c>field 'elite_ratio'</c>.</summary>
    public static string Label(string option) => $"field '{option.TrimStart('-').Replace('-', '_')}'";

    /// <summary>
    /// Reads a request from a JSON object body; symbol and interval default to the replay's. Returns the error naming the
    /// field when a value is missing, of the wrong type or out of range.
    /// </summary>
    public static (EvolutionRequest? Request, string? Error) Parse(JsonElement? body, string? defaultSymbol, string defaultInterval)
    {
        var o = body is { ValueKind: JsonValueKind.Object } b ? b : default;
        try
        {
            var symbol = Text(o, "symbol") ?? defaultSymbol;
            if (string.IsNullOrWhiteSpace(symbol))
            {
                return (null, "field 'symbol': required (no replay symbol to default to)");
            }

            if (o.ValueKind == JsonValueKind.Object && o.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !Fields.Contains(n)) is { } unknown)
            {
                return (null, $"field '{unknown}': unknown (known: {string.Join(", ", Fields)})");
            }

            var objective = Text(o, "objective") ?? "composite";
            if (!Enum.TryParse<EvolutionObjective>(objective, ignoreCase: true, out var obj) || int.TryParse(objective, out _))
            {
                return (null, $"field 'objective': '{objective}' is not composite or pareto");
            }

            var request = new EvolutionRequest
            {
                Symbol = symbol,
                Interval = Text(o, "interval") ?? defaultInterval,
                Population = Int(o, "population", 16, 4, 2000),
                Generations = Int(o, "generations", 30, 1, 100_000),
                Seed = Int(o, "seed", 42, int.MinValue, int.MaxValue),
                Objective = obj,
                TimeBudgetSeconds = Number(o, "time_budget_seconds", 0.1, 86_400),
                Stagnation = Int(o, "stagnation", 10, 0, 100_000),
                Folds = Int(o, "folds", 3, 1, 50),
                Holdout = Number(o, "holdout", 0, 0.9) ?? 0.2,
                Threads = Int(o, "threads", 1, 1, Environment.ProcessorCount),
                FoldMode = Text(o, "fold_mode") is { } mode ? FoldModeOf(mode) : FoldMode.Rolling,
                Embargo = Int(o, "embargo", 0, 0, 1_000_000),
                Tuning = TuningOf(o),
            };
            var errors = request.ToEvolutionOptions().Validate().Concat(request.ToWalkForward().Validate()).Select(FieldError).ToList();
            return errors.Count > 0 ? (null, string.Join("; ", errors)) : (request, null);
        }
        catch (Exception ex) when (ex is FormatException or Cli.BadInputException)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>An engine check (<c>elite_ratio must be in [0, 1) (was 1.5)</c>) as a field error of the body.</summary>
    private static string FieldError(string error)
    {
        var space = error.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? error : error[..space];
        name = name switch
        {
            "hall_of_fame_min_distance" => "hof_min_distance",
            "hall_of_fame_per_type" => "hof_per_type",
            "time_budget" => "time_budget_seconds",
            "embargo_bars" => "embargo",
            _ => name,
        };
        return space < 0 ? error : $"field '{name}': {error[(space + 1)..]}";
    }

    private static TuningValues TuningOf(JsonElement o) => new()
    {
        SeedTypes = Pairs(o, "seed_types"),
        MinTrades = IntOrNull(o, "min_trades"),
        TournamentSize = IntOrNull(o, "tournament_size"),
        EliteRatio = Number(o, "elite_ratio", double.MinValue, double.MaxValue),
        CrossoverRate = Number(o, "crossover_rate", double.MinValue, double.MaxValue),
        Crossover = Text(o, "crossover"),
        MutationRate = Number(o, "mutation_rate", double.MinValue, double.MaxValue),
        MutationScale = Number(o, "mutation_scale", double.MinValue, double.MaxValue),
        ImmigrantRatio = Number(o, "immigrant_ratio", double.MinValue, double.MaxValue),
        DiversityFloor = Number(o, "diversity_floor", double.MinValue, double.MaxValue),
        HallOfFame = IntOrNull(o, "hall_of_fame"),
        ParetoMetrics = List(o, "pareto_metrics"),
        FitnessWeights = Pairs(o, "fitness_weights"),
        Niching = Text(o, "niching"),
        NicheQuota = Number(o, "niche_quota", double.MinValue, double.MaxValue),
        SharingRadius = Number(o, "sharing_radius", double.MinValue, double.MaxValue),
        HofMinDistance = Number(o, "hof_min_distance", double.MinValue, double.MaxValue),
        HofPerType = IntOrNull(o, "hof_per_type"),
    };

    private static FoldMode FoldModeOf(string mode) =>
        mode.Trim().ToLowerInvariant() switch
        {
            "rolling" => FoldMode.Rolling,
            "anchored" => FoldMode.Anchored,
            _ => throw new FormatException($"field 'fold_mode': '{mode}' is not rolling or anchored"),
        };

    private static int? IntOrNull(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? Int(o, name, 0, int.MinValue, int.MaxValue) : null;

    /// <summary>A string, or a JSON array of strings joined with commas (<c>["sharpe","trades"]</c>).</summary>
    private static string? List(JsonElement o, string name)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array)
        {
            return Text(o, name);
        }

        return string.Join(',', v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String && !e.GetString()!.Contains(',', StringComparison.Ordinal)
            ? e.GetString()
            : throw new FormatException($"field '{name}': every entry must be a name (was {e.GetRawText()})")));
    }

    /// <summary>A string of <c>key=value</c> pairs, or a JSON object of numbers (<c>{"momentum": 3}</c>) written as one.</summary>
    private static string? Pairs(JsonElement o, string name)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Object)
        {
            return Text(o, name);
        }

        return string.Join(',', v.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Number && !p.Name.Contains(',', StringComparison.Ordinal) && !p.Name.Contains('=', StringComparison.Ordinal)
            ? p.Name + "=" + p.Value.GetRawText()
            : throw new FormatException($"field '{name}': '{p.Name}' must be a number (was {p.Value.GetRawText()})")));
    }

    private static string? Text(JsonElement o, string name) =>
        o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw new FormatException($"field '{name}': must be a string");

    private static int Int(JsonElement o, string name, int fallback, int min, int max)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i >= min && i <= max
            ? i
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"field '{name}': must be an integer in [{min}, {max}] (was {v.GetRawText()})"));
    }

    private static double? Number(JsonElement o, string name, double min, double max)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d >= min && d <= max
            ? d
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"field '{name}': must be a number in [{min}, {max}] (was {v.GetRawText()})"));
    }
}
