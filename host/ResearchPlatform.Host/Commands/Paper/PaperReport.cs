using System.Globalization;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Backtest;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Paper;

/// <summary>The report of one paper session: JSON document (snake_case) and human tables.</summary>
internal static class PaperReport
{
    public static object Build(string mode, string source, PaperSessionResult r, IReadOnlyList<PaperValidationReport>? validation) => new
    {
        r.SessionId,
        Mode = mode,
        r.Symbol,
        r.Interval,
        DataSource = source,
        From = Iso(r.From),
        To = Iso(r.To),
        r.Bars,
        ElapsedMs = Math.Round(r.Elapsed.TotalMilliseconds, 3),
        BarsPerSecond = double.IsFinite(r.BarsPerSecond) ? Math.Round(r.BarsPerSecond) : 0,
        Strategies = r.Strategies.Select(s => new
        {
            s.Strategy.Name,
            Seed = s.Strategy.Seed.Id,
            Genes = GeneArguments.Describe(s.Strategy.Seed, s.Strategy.Genes),
            s.Performance.Trades,
            s.Performance.WinRate,
            s.Performance.TotalPnl,
            s.Performance.ReturnPct,
            Sharpe = double.IsFinite(s.Performance.Sharpe) ? s.Performance.Sharpe : (double?)null,
            s.Performance.MaxDrawdown,
            s.Performance.MaxConsecutiveLosses,
            s.Performance.AvgSlippageBps,
            s.Performance.AvgLatencyMs,
            s.Performance.FillSuccessRate,
            s.Performance.OrdersSent,
            s.Performance.OrdersFilled,
            s.Performance.OrdersDenied,
            s.Performance.PartialFills,
            s.Performance.Fees,
            s.Funding,
            s.FinalEquity,
            s.Performance.Fitness,
            s.Reconciliation,
            s.Resume,
        }),
        Validation = validation,
    };

    public static void Print(CliOutput output, string mode, PaperSessionResult r, IReadOnlyList<PaperValidationReport>? validation)
    {
        output.Info(string.Create(CultureInfo.InvariantCulture, $"session {r.SessionId}: {mode} {r.Symbol} {r.Interval} {Iso(r.From)} .. {Iso(r.To)}, {r.Bars:N0} bars in {r.Elapsed.TotalMilliseconds:N0} ms ({r.BarsPerSecond:N0} bars/s)"));
        output.Table(
            ["strategy", "trades", "win %", "PnL", "return %", "sharpe", "max dd %", "max losses", "slip bps", "latency ms", "fill %", "fitness"],
            r.Strategies.Select(s => (IReadOnlyList<string>)
            [
                s.Strategy.Name, I(s.Performance.Trades), F(s.Performance.WinRate * 100, 1), s.Performance.TotalPnl.ToString("N2", CultureInfo.InvariantCulture),
                F(s.Performance.ReturnPct, 2), F(s.Performance.Sharpe, 2), F(s.Performance.MaxDrawdown * 100, 2), I(s.Performance.MaxConsecutiveLosses),
                F(s.Performance.AvgSlippageBps, 2), F(s.Performance.AvgLatencyMs, 1), F(s.Performance.FillSuccessRate * 100, 1), F(s.Performance.Fitness, 3),
            ]),
            $"paper {mode} {r.SessionId}");
        if (validation is null)
        {
            return;
        }

        output.Table(
            ["strategy", "kernel trades", "replay trades", "matched", "kernel PnL", "replay PnL", "difference", "fees", "prices", "quantity", "unmatched", "residual"],
            validation.Select(v => (IReadOnlyList<string>)
            [
                v.Strategy, I(v.KernelTrades), I(v.ReplayTrades), I(v.Matched), M(v.KernelPnl), M(v.ReplayPnl), M(v.PnlDifference),
                M(v.FeesEffect), M(v.PriceEffect), M(v.QuantityEffect), M(v.UnmatchedEffect), M(v.Residual),
            ]),
            "backtest validation: replay - kernel, attributed");
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double v, int digits) => double.IsFinite(v) ? v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "-";

    private static string M(decimal v) => v.ToString("N2", CultureInfo.InvariantCulture);
}
