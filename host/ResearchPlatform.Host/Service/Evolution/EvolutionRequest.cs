using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.WalkForward;

namespace ResearchPlatform.Host.Service.Evolution;

/// <summary>
/// The body of <c>POST /api/evolution/runs</c>: which bars, which seed types and how big a run. Small defaults (population
/// 16, 30 generations, one thread) so a run started from the dashboard never takes the service's cores away from trading.
/// </summary>
internal sealed record EvolutionRequest
{
    public required string Symbol { get; init; }

    public required string Interval { get; init; }

    public string? SeedTypes { get; init; }

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

    public EvolutionOptions ToEvolutionOptions() => new()
    {
        PopulationSize = Population,
        Generations = Generations,
        Seed = Seed,
        Objective = Objective,
        TimeBudget = TimeBudgetSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
        StagnationGenerations = Stagnation,
        Threads = Threads,
        Fitness = new CompositeFitnessOptions(),
    };

    public WalkForwardOptions ToWalkForward() => new(Folds, FoldMode.Rolling, Holdout);

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

            var objective = Text(o, "objective") ?? "composite";
            if (!Enum.TryParse<EvolutionObjective>(objective, ignoreCase: true, out var obj) || int.TryParse(objective, out _))
            {
                return (null, $"field 'objective': '{objective}' is not composite or pareto");
            }

            var request = new EvolutionRequest
            {
                Symbol = symbol,
                Interval = Text(o, "interval") ?? defaultInterval,
                SeedTypes = Text(o, "seed_types"),
                Population = Int(o, "population", 16, 4, 2000),
                Generations = Int(o, "generations", 30, 1, 100_000),
                Seed = Int(o, "seed", 42, int.MinValue, int.MaxValue),
                Objective = obj,
                TimeBudgetSeconds = Number(o, "time_budget_seconds", 0.1, 86_400),
                Stagnation = Int(o, "stagnation", 10, 0, 100_000),
                Folds = Int(o, "folds", 3, 1, 50),
                Holdout = Number(o, "holdout", 0, 0.9) ?? 0.2,
                Threads = Int(o, "threads", 1, 1, Environment.ProcessorCount),
            };
            return (request, null);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
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
