namespace ResearchPlatform.Host.Service.Views;

/// <summary>
/// The market regime the risk manager sees at the replay's current bar (part of <c>GET /api/risk</c>): the regime
/// detector's state after the last daily close at or before <paramref name="AsOf"/> (rolling 20-day volatility of log
/// returns annualised with 365 days, its percentile over the last year, trend = close / 50-day SMA - 1) and the Fear &amp;
/// Greed value usable then (lagged one day). NaN features (too little history) are null.
/// </summary>
internal sealed record RegimeView(
    string Regime,
    DateTimeOffset AsOf,
    int Bar,
    double? Volatility,
    double? VolatilityPercentile,
    double? Trend,
    double? FearGreed,
    int FearGreedDays,
    double? Correlation);
