using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Host.Service.Views;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// The kernel backtests shown beside a replayed strategy's paper metrics (GET /api/strategies): "backtest" over the first
/// <see cref="InSampleShare"/> of the replay's bars and "out of sample" over the rest (the later bars, as an evolution's
/// hold-out), with the strategy's genes and the per-strategy cash of the replay. Computed once per slot.
/// </summary>
internal static class SlotBacktests
{
    /// <summary>Share of the bars in the backtest window; the out-of-sample window is the remainder.</summary>
    public const double InSampleShare = 0.7;

    /// <summary>Fills <see cref="StrategySlot.Backtest"/> and <see cref="StrategySlot.OutOfSample"/> once (null when the kernel rejects the inputs).</summary>
    public static void Ensure(StrategySlot slot, BarSeries bars, double cash)
    {
        if (slot.BacktestsComputed)
        {
            return;
        }

        slot.BacktestsComputed = true;
        var split = (int)(bars.Count * InSampleShare);
        var options = new BacktestOptions { InitialCash = cash };
        slot.Backtest = Run(slot, bars, options, new BarRange(0, split));
        slot.OutOfSample = Run(slot, bars, options, new BarRange(split, bars.Count));
    }

    private static MetricsView? Run(StrategySlot slot, BarSeries bars, BacktestOptions options, BarRange range)
    {
        if (range.Length < 2)
        {
            return null;
        }

        try
        {
            var m = Backtest.Run(bars, slot.Strategy.Seed, [.. slot.Strategy.Genes], options, range).Metrics;
            return From(m);
        }
        catch (BacktestInputException)
        {
            return null; // e.g. a window shorter than the seed's warm-up: the page shows "–"
        }
    }

    /// <summary>Kernel metrics (percent) as the API's fractions: return, Sharpe, max drawdown (positive), trades, win rate.</summary>
    internal static MetricsView From(BacktestMetrics m) =>
        new(m.TotalReturnPct / 100, m.Sharpe, Math.Abs(m.MaxDrawdownPct) / 100, m.Trades, m.WinRatePct / 100);
}
