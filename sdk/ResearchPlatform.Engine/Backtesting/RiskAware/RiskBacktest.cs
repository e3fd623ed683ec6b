using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Risk;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Backtesting.RiskAware;

/// <summary>
/// A backtest of one strategy with the risk manager in the loop (freqtrade "protections" style): the seed's targets,
/// the kernel's fill, fee, sizing and end-of-data conventions, and at every bar the portfolio is marked, the risk
/// manager updates breakers and level, each entry passes the pre-trade check (approve / resize / reject) and the
/// EMERGENCY level flattens the position. With a genome whose limits are never reached the result equals
/// <see cref="Backtest.Run"/>. Conventions: docs/risk.md, "Risk in backtests".
/// </summary>
public static class RiskBacktest
{
    /// <summary>Backtests one gene vector of <paramref name="seed"/> under <paramref name="genome"/>.</summary>
    /// <exception cref="BacktestInputException">Invalid options, genes or range, or stop options (not supported here).</exception>
    public static RiskBacktestResult Run(BarSeries bars, ISeedType seed, ReadOnlySpan<double> genes, BacktestOptions options, RiskGenome genome, BarRange? range = null, CancellationToken ct = default) =>
        Run(bars, seed, genes, options, genome, range, null, null, ct);

    /// <summary>
    /// As <see cref="Run(BarSeries, ISeedType, ReadOnlySpan{double}, BacktestOptions, RiskGenome, BarRange?, CancellationToken)"/>,
    /// with the market state per bar (<see cref="BacktestMarketStates"/>: volatility percentile, Fear &amp; Greed, regime;
    /// unknown when null, so the volatility and sentiment breakers stay off) and an alert publisher for breaker trips and
    /// level changes.
    /// </summary>
    internal static RiskBacktestResult Run(
        BarSeries bars, ISeedType seed, ReadOnlySpan<double> genes, BacktestOptions options, RiskGenome genome, BarRange? range,
        IReadOnlyList<Risk.MarketState>? market, Sdk.Alerts.IAlertPublisher? alerts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(genome);
        var window = range ?? BarRange.All(bars.Count);
        BacktestInputs.Validate(bars, seed, genes, 1, options, [window]);
        if (options.StopLossPct > 0 || options.TakeProfitPct > 0 || options.TrailingStopPct > 0)
        {
            throw new BacktestInputException("stop-loss, take-profit and trailing-stop options are not supported in a risk-aware backtest; the risk genome's breakers and limits apply instead");
        }

        var spec = new KernelSpec(options, bars.Open, bars.High, bars.Low, bars.Close);
        var targets = Targets(seed.CreateGenerator(bars, genes, 1), window.End, ct);
        if (market is not null && market.Count != bars.Count)
        {
            throw new BacktestInputException($"market states: {market.Count} for {bars.Count} bars");
        }

        var overlay = new RiskOverlay(bars, spec, genome, window, market, alerts);
        overlay.Run(targets, ct);
        var result = overlay.Result();
        return result with { Backtest = result.Backtest with { Warnings = GeneValidation.Check(seed, genes).Warnings } };
    }

    /// <summary>The strategy's targets for bars [0, end), requested in blocks from bar 0 as the generator contract asks.</summary>
    internal static double[] Targets(ISignalGenerator generator, int end, CancellationToken ct)
    {
        var targets = new double[end];
        for (var b0 = 0; b0 < end; b0 += ChunkRunner.BlockBars)
        {
            ct.ThrowIfCancellationRequested();
            var n = Math.Min(ChunkRunner.BlockBars, end - b0);
            generator.Fill(b0, n, 0, 1, targets.AsSpan(b0, n));
        }

        return targets;
    }
}
