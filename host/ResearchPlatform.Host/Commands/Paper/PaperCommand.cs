using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Paper.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Alerts;
using ResearchPlatform.Host.Commands.Paper.Testnet;
using ResearchPlatform.Host.Seeds;
using ResearchPlatform.Sdk.Data;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Paper;

/// <summary>
/// <c>rp paper --mode replay|validate|simulation (--symbol S --interval I | --data FILE | --seed-market N) (--strategies RUN_ID:topN | --seed ID --gene k=v ...)
/// [--speed max|Nx] [--from] [--to] [--cash] [--json]</c>: runs the strategies through the live order path over
/// replayed or simulated bars, prints the per-strategy report and stores the session, its order journal, orders and
/// results; <c>rp paper --resume SESSION_ID</c> continues a session that did not complete (<see cref="PaperResume"/>).
/// </summary>
public static class PaperCommand
{
    public static Command Create(CommonOptions common, Func<ISeedCatalog>? catalog = null)
    {
        var o = new PaperCliOptions();
        var cmd = new Command("paper", "Paper trading: accelerated replay of strategies through the order manager and simulated venue (or validate against the backtest)");
        foreach (var option in o.All)
        {
            cmd.Options.Add(option);
        }

        cmd.SetAction(CommandRunner.Wrap((parse, output, ct) => MapErrors(() => RunAsync(parse, o, common, output, catalog ?? (() => new PluginSeedCatalog()), ct))));
        return cmd;
    }

    private static async Task<int> RunAsync(ParseResult parse, PaperCliOptions o, CommonOptions common, CliOutput output, Func<ISeedCatalog> catalogFactory, CancellationToken ct)
    {
        if (parse.GetValue(o.Resume) is { } resume)
        {
            return await PaperResume.RunAsync(resume, parse, o, common, output, catalogFactory(), ct);
        }

        var mode = parse.GetValue(o.Mode)!;
        if (mode is "testnet")
        {
            return await TestnetPaper.RunAsync(parse, o, common, output, catalogFactory(), ct);
        }

        var validate = mode == "validate";
        var options = PaperInputs.Options(parse, o, validate);
        var catalog = catalogFactory();
        var strategies = PaperInputs.Strategies(parse, o, common, catalog, output);
        var (bars, source) = mode == "simulation" ? PaperSimulationInputs.Bars(parse, o, output) : PaperInputs.Bars(parse, o, common, ct);
        if (PaperVenueFunding.Requested(parse, o))
        {
            options = await PaperVenueFunding.FetchAsync(parse, o, options, bars, output, ct);
        }

        var now = TimeProvider.System.GetUtcNow();
        var sessionId = string.Create(CultureInfo.InvariantCulture, $"paper-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        using var db = OpenDatabase(parse, common);
        await using var alerts = CliAlerting.Open(parse, common, o.NoAlerts, db);
        options = PaperRiskEvents.WithMarket(options with { Alerts = alerts.Publisher }, options.Risk is null ? null : parse.GetValue(o.FearGreed) is { } fg ? Path.GetFullPath(fg) : PaperRiskEvents.WorkspaceMarket, bars, db);
        var store = new PaperSessionStore(db, TimeProvider.System);
        store.Begin(sessionId, mode, bars.Symbol, bars.Interval.Code, source, bars.TimeAt(0), bars.TimeAt(bars.Count - 1) + bars.Interval.Duration, bars.Count, strategies, options);
        output.Info($"paper {mode}: session {sessionId}, {strategies.Count} strateg{(strategies.Count == 1 ? "y" : "ies")}, {bars.Count:N0} bars of {bars.Symbol} {bars.Interval}");
        var progress = new Progress<int>(n => output.Info(string.Create(CultureInfo.InvariantCulture, $"  {n:N0}/{bars.Count:N0} bars")));
        PaperSessionResult result;
        try
        {
            result = await PaperReplayEngine.RunAsync(sessionId, bars, strategies, options, i => store.JournalFor(sessionId, i), progress, output.Info, ct);
        }
        catch (PaperInputException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }

        var validation = validate ? Validate(bars, strategies, options, result) : null;
        var report = PaperReport.Build(mode, source, result, validation);
        store.Complete(result, JsonSerializer.Serialize(report, CliOutput.Json));
        var riskEvents = PaperRiskEvents.Save(db, sessionId, result);
        if (riskEvents > 0)
        {
            output.Info($"{riskEvents} risk events stored (rp risk events --source {sessionId})");
        }

        if (parse.GetValue(o.Json))
        {
            output.WriteJson(report);
        }
        else
        {
            PaperReport.Print(output, mode, result, validation);
        }

        return ExitCodes.Ok;
    }

    internal static List<PaperValidationReport> Validate(BarSeries bars, IReadOnlyList<PaperStrategy> strategies, PaperOptions options, PaperSessionResult replay)
    {
        var kernelOptions = KernelOptions(options);
        var reports = new List<PaperValidationReport>();
        for (var s = 0; s < strategies.Count; s++)
        {
            var kernel = ResearchPlatform.Engine.Backtesting.Backtest.Run(bars, strategies[s].Seed, strategies[s].Genes.ToArray(), kernelOptions);
            reports.Add(PaperValidator.Compare(kernel.Trades, replay.Strategies[s]));
        }

        return reports;
    }

    /// <summary>The backtest kernel's options that match a paper session's sizing, cash and fees.</summary>
    internal static BacktestOptions KernelOptions(PaperOptions options) => new()
    {
        Sizing = options.Sizing == PaperSizing.FixedUnits ? SizingMode.FixedUnits : SizingMode.Fraction,
        Units = (double)options.Units,
        InitialCash = (double)options.InitialCash,
        FeeBps = (double)options.TakerFeeRate * 10_000,
        MakerFeeBps = (double)options.MakerFeeRate * 10_000,
        StopLossPct = options is { VenueStops: true, Risk: { } stops } ? stops.StopLossPct * 100 : 0,
        TakeProfitPct = options is { VenueStops: true, Risk: { } tps } ? tps.TakeProfitPct * 100 : 0,
        TrailingStopPct = (double)options.TrailFraction * 100,
    };
}
