using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Backtesting;

/// <summary>A single backtest with full trade accounting: metrics, trade list and equity curve.</summary>
public static class Backtest
{
    /// <summary>
    /// Backtests one gene vector of <paramref name="seed"/> over <paramref name="range"/> (default: every bar).
    /// Runs the same seed generator and kernel as <see cref="BacktestEngine.RunBatch"/>, so the metrics are identical.
    /// Genes outside the search bounds are allowed and listed in <see cref="BacktestResult.Warnings"/>.
    /// </summary>
    /// <exception cref="BacktestInputException">Invalid options, genes or range (all problems listed).</exception>
    public static BacktestResult Run(BarSeries bars, ISeedType seed, ReadOnlySpan<double> genes, BacktestOptions options, BarRange? range = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var window = range ?? BarRange.All(bars.Count);
        BacktestInputs.Validate(bars, seed, genes, 1, options, [window]);
        var spec = new KernelSpec(options, bars.Open, bars.High, bars.Low, bars.Close);
        var generator = seed.CreateGenerator(bars, genes, 1);
        var rec = new TradeListRecorder(bars, window);
        var states = new ChunkRunner(spec, [window]).Run(generator, 1, ref rec, ct);
        var metrics = MetricsCalculator.Compute(states[0], BacktestKernel.Lanes, 0, window, Annualization.BarsPerYear(bars), spec);
        return new BacktestResult(window, metrics, rec.Trades, rec.Equity) { Warnings = GeneValidation.Check(seed, genes).Warnings };
    }
}
