using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Engine.Backtesting.Storage;
using ResearchPlatform.Engine.Risk.Events;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Seeds;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Backtest;

/// <summary>
/// <c>rp backtest (--symbol S --interval I | --data FILE) --seed ID [--gene name=value]... [--risk ID [--risk-gene name=value]...] [options] [--save] [--json]</c>:
/// one backtest with full trade accounting; prints its metrics (with --risk: also the risk events).
/// </summary>
public static class BacktestCommand
{
    public static Command Create(CommonOptions common, Func<ISeedCatalog>? catalog = null)
    {
        var o = new BacktestCliOptions();
        var cmd = new Command("backtest", "Backtest one seed type with given genes over bars from a file or the workspace; prints the metrics");
        foreach (var option in o.All)
        {
            cmd.Options.Add(option);
        }

        cmd.SetAction(CommandRunner.Wrap((parse, output, ct) => MapErrors(() => Task.FromResult(Run(parse, o, common, output, catalog ?? (() => new PluginSeedCatalog()), ct)))));
        return cmd;
    }

    private static int Run(ParseResult parse, BacktestCliOptions o, CommonOptions common, CliOutput output, Func<ISeedCatalog> catalogFactory, CancellationToken ct)
    {
        var catalog = catalogFactory();
        var seedId = parse.GetValue(o.Seed)!;
        if (!catalog.TryGetSeedType(seedId, out var seed))
        {
            var known = catalog.SeedTypes.Count == 0 ? "none loaded" : string.Join(", ", catalog.SeedTypes.Select(s => s.Id));
            throw new BadInputException($"unknown seed '{seedId}' (known: {known})");
        }

        var genes = GeneArguments.Parse(seed, parse.GetValue(o.Genes) ?? [], out var warnings);
        foreach (var w in warnings)
        {
            output.Warn(w);
        }

        var options = o.ToValidOptions(parse);
        var riskId = parse.GetValue(o.Risk);
        var riskGenes = parse.GetValue(o.RiskGenes) ?? [];
        if (riskId is null && riskGenes.Length > 0)
        {
            throw new BadInputException("--risk-gene needs --risk ID");
        }

        var risk = riskId is null ? default : RiskArguments.Resolve(riskId, riskGenes, output);
        var (bars, source) = BarSource.Load(parse, o, common, ct);
        var fundingPath = parse.GetValue(o.Funding);
        if (fundingPath is not null)
        {
            var (rates, used) = BacktestFunding.Load(fundingPath, bars);
            output.Info($"funding: {used:N0} rates of {fundingPath} over {rates.Count(r => r != 0):N0} of {bars.Count:N0} bars");
            options = options with { FundingRates = rates };
        }

        var range = Range(bars, ParseTime(parse.GetValue(o.From), "--from"), ParseTime(parse.GetValue(o.To), "--to"));
        if (riskId is null && (parse.GetValue(o.RiskConfig) is not null || parse.GetValue(o.RegimeClassifier) is not null))
        {
            throw new BadInputException("--risk-config and --regime-classifier need --risk ID");
        }

        var market = riskId is null ? default : RiskMarketArguments.Resolve(bars, parse.GetValue(o.RiskConfig), parse.GetValue(o.RegimeClassifier), parse.GetValue(common.Workspace));
        var riskResult = riskId is null ? null : RiskBacktest.Run(bars, seed, genes, options, risk.Genome, range, market.States, null, ct);
        var result = riskResult?.Backtest ?? ResearchPlatform.Engine.Backtesting.Backtest.Run(bars, seed, genes, options, range, ct);
        long? runId = null;
        if (parse.GetValue(o.Save))
        {
            runId = Save(parse, common, seed, catalog.VersionOf(seed), genes, bars, source, OptionsNode(options, fundingPath), result, riskResult);
            output.Info($"saved as run {runId}");
        }

        var report = Report(seed, catalog.VersionOf(seed), genes, bars, OptionsNode(options, fundingPath), result, runId, warnings, parse.GetValue(o.ShowTrades), parse.GetValue(o.ShowEquity));
        if (riskResult is not null)
        {
            RiskTables.AddTo(report, riskId!, risk.Source, risk.Genes, riskResult);
            report["regime_classifier"] = market.Classifier;
            report["fear_greed_days"] = market.FearGreedDays;
        }

        if (parse.GetValue(o.Json))
        {
            output.WriteJson(report);
        }
        else
        {
            BacktestTables.Write(output, seed, genes, bars, result, parse.GetValue(o.ShowTrades), parse.GetValue(o.ShowEquity), runId);
            if (riskResult is not null)
            {
                RiskTables.Write(output, riskId!, riskResult);
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>Bars [from, to) of the series; an empty range is bad input.</summary>
    internal static BarRange Range(BarSeries bars, DateTimeOffset? from, DateTimeOffset? to)
    {
        var lo = from is { } f ? bars.LowerBound(f.ToUnixTimeMilliseconds()) : 0;
        var hi = to is { } t ? bars.LowerBound(t.ToUnixTimeMilliseconds()) : bars.Count;
        if (hi - lo < 2)
        {
            throw new BadInputException($"the range {Iso(from) ?? "start"} .. {Iso(to) ?? "end"} holds {Math.Max(0, hi - lo)} bars of {bars.Symbol} {bars.Interval} ({Iso(bars.TimeAt(0))} .. {Iso(bars.TimeAt(bars.Count - 1))}); a backtest needs at least 2");
        }

        return new BarRange(lo, hi);
    }

    private static long Save(ParseResult parse, CommonOptions common, ISeedType seed, string version, double[] genes, BarSeries bars, string source, JsonNode options, BacktestResult result, RiskBacktestResult? risk)
    {
        var workspace = Workspace.Resolve(parse.GetValue(common.Workspace)).EnsureExists();
        using var db = ResearchDatabase.Open(workspace.DatabasePath);
        var info = new BacktestRunInfo(
            seed.Id,
            version,
            JsonSerializer.Serialize(GeneArguments.Describe(seed, genes), CliOutput.Json),
            bars.Symbol,
            bars.Interval.Code,
            source,
            options.ToJsonString(CliOutput.Json),
            JsonSerializer.Serialize(result.Metrics, CliOutput.Json));
        var runId = new BacktestStore(db).Save(info, bars, result);
        if (risk is not null)
        {
            new RiskEventStore(db).Save(RiskEventStore.Backtest, runId.ToString(CultureInfo.InvariantCulture), risk.Events);
        }

        return runId;
    }

    private static JsonObject Report(ISeedType seed, string version, double[] genes, BarSeries bars, JsonNode options, BacktestResult result, long? runId, IReadOnlyList<string> warnings, bool trades, bool equity)
    {
        var doc = new JsonObject
        {
            ["seed"] = seed.Id,
            ["seed_version"] = version,
            ["genes"] = JsonSerializer.SerializeToNode(GeneArguments.Describe(seed, genes), CliOutput.Json),
            ["symbol"] = bars.Symbol,
            ["interval"] = bars.Interval.Code,
            ["first_bar"] = Iso(bars.TimeAt(result.Range.Start)),
            ["last_bar"] = Iso(bars.TimeAt(result.Range.End - 1)),
        };
        var metrics = JsonSerializer.SerializeToNode(result.Metrics, CliOutput.Json)!.AsObject();
        foreach (var (key, value) in metrics.ToList())
        {
            metrics.Remove(key);
            doc[key] = value;
        }

        doc["avg_holding_hours"] = BacktestTables.HoldingHours(result.Metrics.AvgHoldingBars, bars);
        doc["options"] = options;
        doc["run_id"] = runId;
        doc["warnings"] = JsonSerializer.SerializeToNode(warnings, CliOutput.Json);
        if (trades)
        {
            doc["trade_list"] = JsonSerializer.SerializeToNode(result.Trades.Select(t => new
            {
                entry_time = Iso(t.EntryTime),
                entry_price = t.EntryPrice,
                exit_time = Iso(t.ExitTime),
                exit_price = t.ExitPrice,
                units = t.Units,
                pnl = t.Pnl,
                return_pct = t.ReturnPct,
                fees = t.Fees,
                reason = BacktestStore.ReasonText(t.Reason),
            }).ToList(), CliOutput.Json);
        }

        if (equity)
        {
            doc["equity_curve"] = JsonSerializer.SerializeToNode(
                result.Equity.Select((e, i) => new { time = Iso(bars.TimeAt(result.Range.Start + i)), equity = e }).ToList(), CliOutput.Json);
        }

        return doc;
    }

    /// <summary>The options as stored and printed: the funding series is named by its file, not listed.</summary>
    private static JsonNode OptionsNode(BacktestOptions options, string? fundingPath)
    {
        var node = JsonSerializer.SerializeToNode(options with { FundingRates = null }, CliOutput.Json)!.AsObject();
        node["funding_rates"] = fundingPath is null ? null : Path.GetFullPath(fundingPath);
        return node;
    }
}
