using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Tests.Backtesting;

/// <summary>Runs one scripted target series through <see cref="Backtest.Run"/>.</summary>
internal static class KernelFixture
{
    public static readonly BacktestOptions NoCosts = new() { FeeBps = 0, MakerFeeBps = 0 };

    public static BacktestResult Run(double[] targets, BacktestOptions options, BarSeries? bars = null) =>
        Backtest.Run(bars ?? TestSeries.Five(), new ScriptedSeed(targets), [0], options);
}
