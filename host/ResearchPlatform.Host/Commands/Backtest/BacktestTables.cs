using System.Globalization;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Backtesting.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Backtest;

/// <summary>The human tables of <c>rp backtest</c>.</summary>
internal static class BacktestTables
{
    /// <summary>Average holding time in hours: bars held × the bar interval (what <c>avg_holding_hours</c> reports).</summary>
    public static double HoldingHours(double bars, BarSeries series) => bars * series.Interval.Milliseconds / 3_600_000.0;

    private static string HoldingTime(double bars, BarSeries series)
    {
        var span = TimeSpan.FromHours(HoldingHours(bars, series));
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span.Hours} h")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Hours} h {span.Minutes} min");
    }

    public static void Write(CliOutput output, ISeedType seed, double[] genes, BarSeries bars, BacktestResult r, bool trades, bool equity, long? runId)
    {
        var m = r.Metrics;
        static string F(double v, string fmt = "N2") => double.IsNaN(v) ? "n/a" : double.IsPositiveInfinity(v) ? "inf" : v.ToString(fmt, CultureInfo.InvariantCulture);
        var title = $"backtest {seed.Id} {GeneArguments.Text(seed, genes)} on {bars.Symbol} {bars.Interval} {Iso(bars.TimeAt(r.Range.Start))} .. {Iso(bars.TimeAt(r.Range.End - 1))}";
        output.KeyValues(
        [
            ("final equity", F(m.FinalEquity)),
            ("total return %", F(m.TotalReturnPct)),
            ("CAGR %", F(m.CagrPct)),
            ("volatility (ann.) %", F(m.VolatilityAnnPct)),
            ("Sharpe", F(m.Sharpe)),
            ("Sortino", F(m.Sortino)),
            ("Calmar", F(m.Calmar)),
            ("max drawdown %", F(m.MaxDrawdownPct)),
            ("max drawdown duration (bars)", m.MaxDrawdownDurationBars.ToString(CultureInfo.InvariantCulture)),
            ("trades", m.Trades.ToString(CultureInfo.InvariantCulture)),
            ("win rate %", F(m.WinRatePct)),
            ("profit factor", F(m.ProfitFactor)),
            ("expectancy %", F(m.ExpectancyPct, "N3")),
            ("best / worst trade %", $"{F(m.BestTradePct)} / {F(m.WorstTradePct)}"),
            ("avg trade PnL", F(m.AvgTradePnl)),
            ("exposure %", F(m.ExposurePct)),
            ("avg holding (bars / time)", $"{F(m.AvgHoldingBars, "N1")} / {HoldingTime(m.AvgHoldingBars, bars)}"),
            ("fees paid", F(m.FeesPaid)),
            ("turnover (x cash)", F(m.Turnover)),
            ("bars / bars per year", $"{m.Bars:N0} / {F(m.BarsPerYear, "N0")}"),
            ("run id", runId?.ToString(CultureInfo.InvariantCulture) ?? "(not saved; --save)"),
        ],
        title);
        if (trades)
        {
            output.Table(
                ["#", "entry", "exit", "units", "entry px", "exit px", "pnl", "ret %", "reason"],
                r.Trades.Select((t, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture), Iso(t.EntryTime), Iso(t.ExitTime), F(t.Units, "G6"), F(t.EntryPrice, "G8"), F(t.ExitPrice, "G8"),
                    F(t.Pnl), F(t.ReturnPct), BacktestStore.ReasonText(t.Reason),
                ]),
                "trades");
        }

        if (equity)
        {
            output.Table(
                ["bar", "time", "equity"],
                r.Equity.Select((e, i) => (IReadOnlyList<string>)[(r.Range.Start + i).ToString(CultureInfo.InvariantCulture), Iso(bars.TimeAt(r.Range.Start + i)), F(e)]),
                "equity curve (at each close)");
        }
    }
}
