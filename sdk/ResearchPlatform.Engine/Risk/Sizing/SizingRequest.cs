using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Risk.Sizing;

/// <summary>Inputs of one sizing call. Only the fields the method uses need values; the rest default to neutral.</summary>
/// <param name="Method">Base sizing method.</param>
/// <param name="Price">Entry price (for the quantity).</param>
/// <param name="Equity">Account equity.</param>
/// <param name="CurrentExposure">Sum of open position notionals (for the exposure clamp).</param>
/// <param name="Level">Current risk level.</param>
/// <param name="Regime">Current market regime.</param>
internal sealed record SizingRequest(SizingMethod Method, double Price, double Equity, double CurrentExposure, RiskLevel Level, MarketRegime Regime)
{
    /// <summary>Asset's annualised volatility (VolatilityTarget).</summary>
    public double AssetVolatility { get; init; } = double.NaN;

    /// <summary>Average true range in price units (AtrRisk).</summary>
    public double Atr { get; init; } = double.NaN;

    /// <summary>Stop distance in ATRs (AtrRisk).</summary>
    public double AtrMultiple { get; init; } = 2;

    /// <summary>Equity fraction lost if the ATR stop is hit (AtrRisk).</summary>
    public double RiskPerTradePct { get; init; } = 0.01;

    /// <summary>Win probability (FractionalKelly).</summary>
    public double WinRate { get; init; } = double.NaN;

    /// <summary>Average win / average loss (FractionalKelly).</summary>
    public double PayoffRatio { get; init; } = double.NaN;

    /// <summary>Correlation of the asset with the portfolio (correlation penalty); 0 when unknown.</summary>
    public double CorrelationToPortfolio { get; init; }

    /// <summary>Current volatility percentile 0..1 (volatility scaling); NaN when unknown.</summary>
    public double VolatilityPercentile { get; init; } = double.NaN;
}
