using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Paper.Storage;
using ResearchPlatform.Engine.Risk.Events;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Paper;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>
/// Stage 4 of the demo: an accelerated paper replay (the <c>rp paper --mode replay</c> engine and session store) of the
/// paper strategies over the hold-out window, through risk manager -> order manager -> simulated venue, with the risk
/// manager's alerts going to the alert service; stores the session, its journal, orders, results and risk events, and
/// runs the backtest kernel over the same window for the backtest-vs-paper comparison.
/// </summary>
internal static class DemoPaper
{
    /// <summary>Source kind of the risk events of a demo paper session (source id <c>SESSION/STRATEGY</c>).</summary>
    public const string RiskSource = "paper";

    public static async Task<DemoPaperOutcome> RunAsync(
        ResearchDatabase db, BarSeries window, IReadOnlyList<PaperStrategy> strategies, double? speed, IAlertPublisher alerts, CliOutput output, CancellationToken ct)
    {
        var options = new PaperOptions { Risk = new RiskGenome(), SpeedMultiplier = speed, Alerts = alerts };
        var now = TimeProvider.System.GetUtcNow();
        var sessionId = string.Create(CultureInfo.InvariantCulture, $"paper-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        var store = new PaperSessionStore(db, TimeProvider.System);
        var to = window.TimeAt(window.Count - 1) + window.Interval.Duration;
        store.Begin(sessionId, "replay", window.Symbol, window.Interval.Code, db.FilePath, window.TimeAt(0), to, window.Count, strategies, options);
        output.Info($"  session {sessionId}: {strategies.Count} strateg{(strategies.Count == 1 ? "y" : "ies")}, {window.Count:N0} bars {window.TimeAt(0):yyyy-MM-dd} .. {to:yyyy-MM-dd}, speed {(speed is { } m ? m.ToString("0.##", CultureInfo.InvariantCulture) + "x" : "max")}");
        var progress = new LineProgress(n => output.Info(string.Create(CultureInfo.InvariantCulture, $"  replay {n * 100 / window.Count,3}% ({n:N0}/{window.Count:N0} bars)")));
        PaperSessionResult result;
        try
        {
            result = await PaperReplayEngine.RunAsync(sessionId, window, strategies, options, i => store.JournalFor(sessionId, i), progress, output.Info, ct);
        }
        catch (PaperInputException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }

        store.Complete(result, JsonSerializer.Serialize(PaperReport.Build("replay", db.FilePath, result, null), CliOutput.Json));
        var risk = new RiskEventStore(db);
        var kernelOptions = PaperCommand.KernelOptions(options);
        var kernel = new List<BacktestResult>();
        foreach (var s in result.Strategies)
        {
            if (s.RiskEvents.Count > 0)
            {
                risk.Save(RiskSource, sessionId + "/" + s.Strategy.Name, s.RiskEvents);
            }

            kernel.Add(Engine.Backtesting.Backtest.Run(window, s.Strategy.Seed, s.Strategy.Genes.ToArray(), kernelOptions, ct: ct));
        }

        return new DemoPaperOutcome(sessionId, window, result, kernel);
    }

    /// <summary>Reports synchronously, so progress lines keep their order on stderr.</summary>
    private sealed class LineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
