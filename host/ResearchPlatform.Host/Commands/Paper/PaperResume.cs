using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Paper.Simulation;
using ResearchPlatform.Engine.Paper.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Alerts;
using ResearchPlatform.Host.Commands.Paper.Testnet;
using ResearchPlatform.Host.Seeds;
using ResearchPlatform.Sdk.Data;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Paper;

/// <summary>
/// <c>rp paper --resume SESSION_ID [--speed max|Nx] [--json]</c>: reopens a session that did not complete (crash, kill,
/// Ctrl+C). Its bars, strategies and options come from the stored session; each strategy is re-run deterministically
/// from the first bar with its journal in catch-up mode (every stored entry must be reproduced exactly and is not
/// written again), which rebuilds the simulated venue and the strategy state; journal and venue are compared when the
/// last stored entry is reached, then the session continues, appending to the same journal, and completes as usual.
/// </summary>
internal static class PaperResume
{
    public static async Task<int> RunAsync(string sessionId, ParseResult parse, PaperCliOptions o, CommonOptions common, CliOutput output, ISeedCatalog catalog, CancellationToken ct)
    {
        using var db = OpenDatabase(parse, common);
        var store = new PaperSessionStore(db, TimeProvider.System);
        var session = store.Load(sessionId) ?? throw new BadInputException($"--resume: session '{sessionId}' not found");
        if (session.Status != "running")
        {
            throw new BadInputException($"--resume: session '{sessionId}' is {session.Status}; only a session that did not complete can be resumed");
        }

        if (session.Mode == "testnet")
        {
            return await TestnetPaper.ResumeAsync(session, store, parse, o, output, catalog, ct);
        }

        var bars = Bars(session, db, ct);
        var strategies = session.Strategies.Select(s => new PaperStrategy(s.Name, Seed(catalog, s.Seed), s.Genes)).ToList();
        var options = session.Options;
        if (parse.GetResult(o.Speed) is { Implicit: false })
        {
            options = options with { SpeedMultiplier = PaperInputs.Options(parse, o, session.Mode == "validate").SpeedMultiplier };
        }

        await using var alerts = CliAlerting.Open(parse, common, o.NoAlerts, db);
        options = PaperRiskEvents.WithMarket(options with { Alerts = alerts.Publisher }, options.MarketSource, bars, db);
        output.Info($"paper resume: session {sessionId} ({session.Mode}), {strategies.Count} strateg{(strategies.Count == 1 ? "y" : "ies")}, {bars.Count:N0} bars of {bars.Symbol} {bars.Interval}");
        PaperSessionResult result;
        try
        {
            result = await PaperReplayEngine.RunAsync(sessionId, bars, strategies, options, i => store.ResumeJournalFor(sessionId, i), null, output.Info, ct);
        }
        catch (JournalDivergedException)
        {
            store.CloseJournals();
            throw;
        }

        var validation = session.Mode == "validate" ? PaperCommand.Validate(bars, strategies, options, result) : null;
        var report = PaperReport.Build(session.Mode, session.DataSource, result, validation);
        store.Complete(result, JsonSerializer.Serialize(report, CliOutput.Json));
        PaperRiskEvents.Save(db, sessionId, result);
        if (parse.GetValue(o.Json))
        {
            output.WriteJson(report);
        }
        else
        {
            PaperReport.Print(output, session.Mode, result, validation);
        }

        return ExitCodes.Ok;
    }

    private static BarSeries Bars(StoredPaperSession s, Engine.Storage.ResearchDatabase db, CancellationToken ct)
    {
        var interval = BarInterval.Parse(s.Interval);
        BarSeries all;
        if (SimulationSource.TryParse(s.DataSource, out var simulation))
        {
            all = simulation.Generate().Bars;
        }
        else if (File.Exists(s.DataSource) && !s.DataSource.EndsWith(".duckdb", StringComparison.OrdinalIgnoreCase))
        {
            all = BarFileReader.Read(s.DataSource, BarFileFormat.Auto, s.Symbol, interval, ct).Series;
        }
        else
        {
            var stored = new BarStore(db);
            all = stored.Count(s.Symbol, interval) > 0
                ? stored.Load(s.Symbol, interval)
                : throw new BadInputException($"--resume: the session's bars ({s.DataSource}, {s.Symbol} {s.Interval}) are no longer available");
        }

        var window = all.Between(s.From, s.To);
        return window.Count == s.Bars
            ? window
            : throw new BadInputException(string.Create(CultureInfo.InvariantCulture, $"--resume: the session had {s.Bars} bars of {s.Symbol} {s.Interval}, its source now gives {window.Count}; it cannot be resumed"));
    }

    private static Sdk.Seeds.ISeedType Seed(ISeedCatalog catalog, string id) =>
        catalog.TryGetSeedType(id, out var seed) ? seed : throw new BadInputException($"--resume: the session's seed '{id}' is not loaded");
}
