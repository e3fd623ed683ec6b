using System.Globalization;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Evaluation;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Seeds;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>Resolves the inputs of an evolution from command-line values: bars, seed types, durations.</summary>
internal static class EvolveInputs
{
    /// <summary>Where the bars of a run come from when they are read from the workspace.</summary>
    public const string WorkspaceSource = "workspace";

    /// <summary>
    /// Loads the bars from <paramref name="file"/> (symbol and interval, when given, override what the file implies), or
    /// from the workspace by <paramref name="symbol"/> and <paramref name="interval"/>; returns them with the data source
    /// recorded for resume (the file path or "workspace").
    /// </summary>
    public static (BarSeries Bars, string Source) LoadBars(ResearchDatabase db, string? file, string? symbol, string? interval, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!string.IsNullOrWhiteSpace(file))
        {
            var given = ParseInterval(interval);
            var read = Map(() => BarFileReader.Read(file, symbol: string.IsNullOrWhiteSpace(symbol) ? null : symbol, interval: given, ct: ct));
            return (read.Series, read.FilePath);
        }

        if (string.IsNullOrWhiteSpace(symbol) || string.IsNullOrWhiteSpace(interval))
        {
            throw new BadInputException("give --symbol and --interval (bars stored in the workspace) or --data FILE");
        }

        var iv = ParseInterval(interval)!.Value;
        var bars = Map(() => new BarStore(db).Load(symbol, iv));
        if (bars.Count == 0)
        {
            throw new BadInputException($"no {symbol} {iv} bars in the workspace (import them with: rp data import FILE --symbol {symbol} --interval {iv})");
        }

        return (bars, WorkspaceSource);
    }

    /// <summary>The bars of a stored run, from where it read them, with its symbol and interval.</summary>
    public static BarSeries LoadBarsOf(ResearchDatabase db, string source, string symbol, string interval, CancellationToken ct) =>
        LoadBars(db, source == WorkspaceSource ? null : source, symbol, interval, ct).Bars;

    private static BarInterval? ParseInterval(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return BarInterval.TryParse(text, out var iv, out var error) ? iv : throw new BadInputException("--interval: " + error);
    }

    /// <summary>
    /// Every seed type of the host's plugins with its plugin version tag (through <see cref="ISeedCatalog"/>, the one seam
    /// the plugin catalog replaces); plugins that fail to load are reported to <paramref name="warn"/>.
    /// </summary>
    public static IReadOnlyList<LoadedSeedType> LoadSeedTypes(Action<string> warn, string? pluginsFolder = null)
    {
        ArgumentNullException.ThrowIfNull(warn);
        var catalog = new PluginSeedCatalog(pluginsFolder);
        foreach (var error in catalog.Errors)
        {
            warn("plugin not loaded: " + error);
        }

        return catalog.SeedTypes.Select(s => new LoadedSeedType(s, catalog.VersionOf(s))).ToList();
    }

    /// <summary>The requested seed types (comma-separated ids, all loaded ones when empty), in the order given.</summary>
    public static IReadOnlyList<LoadedSeedType> SelectSeeds(IReadOnlyList<LoadedSeedType> loaded, string? ids, string option = "--seed-types")
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var available = string.Join(", ", loaded.Select(s => s.Seed.Id));
        if (loaded.Count == 0)
        {
            throw new BadInputException("no seed types are available: no plugin providing seed types was loaded");
        }

        if (string.IsNullOrWhiteSpace(ids))
        {
            return loaded;
        }

        var chosen = new List<LoadedSeedType>();
        foreach (var id in ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            chosen.Add(loaded.FirstOrDefault(s => string.Equals(s.Seed.Id, id, StringComparison.OrdinalIgnoreCase))
                ?? throw new BadInputException($"{option}: unknown seed type '{id}' (available: {available})"));
        }

        return chosen;
    }

    /// <summary>
    /// <paramref name="evaluator"/> with a per-evaluation time limit when <paramref name="limit"/> (a duration such as
    /// <c>30s</c>) is given: an individual that exceeds it is recorded as timed out and the generation completes.
    /// </summary>
    public static IFitnessEvaluator WithTimeLimit(IFitnessEvaluator evaluator, string? limit) =>
        ParseDuration(limit, "--eval-timeout") is { } span ? new TimeLimitedEvaluator(evaluator, span, TimeProvider.System) : evaluator;

    /// <summary>Parses <c>90s</c>, <c>10m</c>, <c>2h</c>, a bare number of seconds, or <c>hh:mm:ss</c>.</summary>
    public static TimeSpan? ParseDuration(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().ToLowerInvariant();
        var unit = t[^1];
        var (number, scale) = unit switch
        {
            's' => (t[..^1], 1.0),
            'm' => (t[..^1], 60.0),
            'h' => (t[..^1], 3600.0),
            _ => (t, 1.0),
        };
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value))
        {
            return TimeSpan.FromSeconds(value * scale);
        }

        if (TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        throw new BadInputException($"{option}: '{text}' is not a duration (e.g. 90s, 10m, 2h)");
    }

    /// <summary>
    /// Builds the backtest problem of <paramref name="seeds"/> over <paramref name="bars"/> and checks it against
    /// <paramref name="options"/>; every problem found (data, configuration, options) is a <see cref="BadInputException"/>.
    /// </summary>
    public static (EvolutionProblem Problem, BacktestFitnessEvaluator Evaluator) ValidatedProblem(
        BarSeries bars, IReadOnlyList<LoadedSeedType> seeds, EvolutionOptions options, WalkForwardOptions walkForward, BacktestOptions backtest)
    {
        var (problem, evaluator) = Map(() => BacktestProblem.Create(bars, seeds.Select(s => (s.Seed, s.VersionTag)).ToList(), walkForward, backtest));
        var problems = EvolutionEngine.Validate(problem, options);
        if (problems.Count > 0)
        {
            throw new BadInputException(string.Join("; ", problems));
        }

        return (problem, evaluator);
    }

    /// <summary>Runs <paramref name="body"/>, turning invalid data or configuration into <see cref="BadInputException"/> (exit 2).</summary>
    public static T Map<T>(Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (DataValidationException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }
        catch (EvolutionConfigurationException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }
        catch (ArgumentException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }
    }
}
