namespace ResearchPlatform.Host.Notebooks;

/// <summary>The market regime after one daily close (what <c>RegimeDetector</c> reports to the risk manager).</summary>
/// <param name="Time">Open time of the daily bar.</param>
/// <param name="Close">The bar's close.</param>
/// <param name="Regime">BULL_STABLE, BULL_VOLATILE, BEAR_STABLE, BEAR_VOLATILE or SIDEWAYS.</param>
/// <param name="Trend">close / SMA50 - 1 (NaN during warm-up).</param>
/// <param name="Volatility">Annualised 20-day volatility of log returns (NaN during warm-up).</param>
/// <param name="VolatilityPercentile">Its percentile among the last 365 values (NaN until 30 exist).</param>
/// <param name="FearGreed">Fear &amp; Greed usable at the close (yesterday's value: no look-ahead), if known.</param>
public sealed record RegimePoint(DateTimeOffset Time, double Close, string Regime, double Trend, double Volatility, double VolatilityPercentile, int? FearGreed);
