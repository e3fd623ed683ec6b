using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Backtest;
using ResearchPlatform.Host.Seeds;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Risk;
using ResearchPlatform.Sdk.Seeds;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Paper;

/// <summary>Turns <c>rp paper</c> arguments into bars, strategies and options; every problem is a <see cref="BadInputException"/>.</summary>
internal static class PaperInputs
{
    public static (BarSeries Bars, string Source) Bars(ParseResult parse, PaperCliOptions o, CommonOptions common, CancellationToken ct)
    {
        var data = parse.GetValue(o.Data);
        var symbol = parse.GetValue(o.Symbol);
        var interval = ParseInterval(parse.GetValue(o.Interval), "--interval");
        BarSeries bars;
        string source;
        if (!string.IsNullOrWhiteSpace(data))
        {
            if (!File.Exists(data))
            {
                throw new BadInputException($"--data: file not found: {data}");
            }

            var read = BarFileReader.Read(data, BarFileFormat.Auto, symbol, interval, ct);
            (bars, source) = (read.Series, read.FilePath);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(symbol) || interval is null)
            {
                throw new BadInputException("give --data FILE, or --symbol and --interval of bars stored in the workspace (see: rp data list)");
            }

            using var db = OpenDatabase(parse, common);
            var store = new BarStore(db);
            if (store.Count(symbol, interval) == 0)
            {
                throw new BadInputException($"no bars stored for {symbol} {interval} (see: rp data list)");
            }

            (bars, source) = (store.Load(symbol, interval.Value), db.FilePath);
        }

        var from = ParseTime(parse.GetValue(o.From), "--from");
        var to = ParseTime(parse.GetValue(o.To), "--to");
        var window = bars.Between(from, to);
        return window.Count < 2
            ? throw new BadInputException($"the window has {window.Count} bars of {bars.Symbol} {bars.Interval}; a replay needs at least 2")
            : (window, source);
    }

    public static IReadOnlyList<PaperStrategy> Strategies(ParseResult parse, PaperCliOptions o, CommonOptions common, ISeedCatalog catalog, CliOutput output)
    {
        var spec = parse.GetValue(o.Strategies);
        var seedId = parse.GetValue(o.Seed);
        if (spec is null == seedId is null)
        {
            throw new BadInputException("give exactly one of --strategies RUN_ID:topN or --seed ID [--gene name=value ...]");
        }

        if (seedId is not null)
        {
            var seed = Seed(catalog, seedId);
            var genes = GeneArguments.Parse(seed, parse.GetValue(o.Genes) ?? [], out var warnings);
            foreach (var w in warnings)
            {
                output.Warn(w);
            }

            return [new PaperStrategy(seed.Id, seed, genes)];
        }

        var colon = spec!.LastIndexOf(':');
        var top = colon > 0 ? spec[(colon + 1)..] : string.Empty;
        if (colon <= 0 || !top.StartsWith("top", StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(top.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 100)
        {
            throw new BadInputException($"--strategies: '{spec}' is not RUN_ID:topN (N in 1..100), e.g. run-1:top5");
        }

        var runId = spec[..colon];
        using var db = OpenDatabase(parse, common);
        var hof = new RunReader(db).HallOfFame(runId).Where(h => h.List == "hall_of_fame").OrderBy(h => h.Rank).Take(n).ToList();
        if (hof.Count == 0)
        {
            throw new BadInputException($"--strategies: run '{runId}' has no hall of fame (see: rp runs list)");
        }

        return [.. hof.Select(h =>
        {
            var seed = Seed(catalog, h.SeedType);
            return new PaperStrategy(string.Create(CultureInfo.InvariantCulture, $"{runId}#{h.Rank}"), seed, GenesOf(seed, h.GenesJson));
        })];
    }

    public static PaperOptions Options(ParseResult parse, PaperCliOptions o, bool validate)
    {
        var speed = parse.GetValue(o.Speed) ?? "max";
        double? multiplier = null;
        if (!string.Equals(speed, "max", StringComparison.OrdinalIgnoreCase))
        {
            if (!speed.EndsWith('x') || !double.TryParse(speed.AsSpan(0, speed.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var m) || !(m > 0) || !double.IsFinite(m))
            {
                throw new BadInputException($"--speed: '{speed}' is not max or Nx (e.g. 10x)");
            }

            multiplier = m;
        }

        var risk = parse.GetValue(o.Risk) ?? (validate ? "none" : "default");
        var size = parse.GetValue(o.Size);
        if (size == "risk" && risk == "none")
        {
            throw new BadInputException("--size risk needs the risk manager (drop --risk none)");
        }

        var options = new PaperOptions
        {
            InitialCash = parse.GetValue(o.Cash),
            Sizing = size switch { "fixed-units" => PaperSizing.FixedUnits, "risk" => PaperSizing.RiskSizer, _ => PaperSizing.Fraction },
            Units = parse.GetValue(o.Units),
            Risk = risk == "default" ? new RiskGenome() : null,
            VenueStops = risk == "default" && !parse.GetValue(o.NoVenueStops),
            TrailingStops = risk == "default" && !parse.GetValue(o.NoVenueStops) && !parse.GetValue(o.NoTrailingStop),
            SlippageBps = parse.GetValue(o.SlippageBps),
            ImpactBps = parse.GetValue(o.ImpactBps),
            ParticipationCap = parse.GetValue(o.Participation),
            SpeedMultiplier = multiplier,
            FundingRatePerHour = parse.GetValue(o.FundingRate),
            FundingRates = Funding(parse.GetValue(o.Funding)),
        };
        var problems = options.Validate();
        return problems.Count > 0 ? throw new BadInputException(string.Join("; ", problems)) : options;
    }

    private static IReadOnlyList<FundingRatePoint>? Funding(string? file)
    {
        try
        {
            return file is null || string.Equals(file, PaperVenueFunding.Source, StringComparison.OrdinalIgnoreCase) ? null : FundingRateFile.Read(file);
        }
        catch (PaperInputException e)
        {
            throw new BadInputException(e.Message, e);
        }
    }

    private static ISeedType Seed(ISeedCatalog catalog, string id)
    {
        if (catalog.TryGetSeedType(id, out var seed))
        {
            return seed;
        }

        var known = catalog.SeedTypes.Count == 0 ? "none loaded" : string.Join(", ", catalog.SeedTypes.Select(s => s.Id));
        throw new BadInputException($"unknown seed '{id}' (known: {known})");
    }

    /// <summary>The gene vector of <paramref name="seed"/> from a stored genes JSON object (defaults for missing genes).</summary>
    internal static double[] GenesOf(ISeedType seed, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var genes = new double[seed.Genes.Count];
        for (var g = 0; g < genes.Length; g++)
        {
            var spec = seed.Genes[g];
            if (!doc.RootElement.TryGetProperty(spec.Name, out var v))
            {
                genes[g] = spec.Default;
                continue;
            }

            genes[g] = v.ValueKind == JsonValueKind.String
                ? Math.Max(0, spec.Choices.ToList().IndexOf(v.GetString()!))
                : v.GetDouble();
        }

        return genes;
    }
}
