using System.Collections.ObjectModel;

namespace ResearchPlatform.Sdk.Risk;

/// <summary>
/// The gene names every risk genome definition provides. Fractions are of 1 (0.05 = 5%); "_pct" genes are fractions of
/// equity unless stated otherwise.
/// </summary>
public static class RiskGenes
{
    public const string StopLossPct = "stop_loss_pct";
    public const string TrailingStopPct = "trailing_stop_pct";
    public const string TakeProfitPct = "take_profit_pct";
    public const string MaxPositionSizePct = "max_position_size_pct";
    public const string MaxTotalExposurePct = "max_total_exposure_pct";
    public const string CorrelationPenalty = "correlation_penalty";
    public const string DailyDrawdownLimitPct = "daily_drawdown_limit_pct";
    public const string TotalDrawdownLimitPct = "total_drawdown_limit_pct";
    public const string HighVolatilityThreshold = "high_volatility_threshold";
    public const string VolatilityScalingFactor = "volatility_scaling_factor";
    public const string MaxTradesPerHour = "max_trades_per_hour";
    public const string CooldownPeriodMinutes = "cooldown_period_minutes";
    public const string BearMarketReduction = "bear_market_reduction";
    public const string MinSharpeContinuation = "min_sharpe_continuation";
    public const string RapidLossThresholdPct = "rapid_loss_threshold_pct";
    public const string CorrelationSpikeThreshold = "correlation_spike_threshold";
    public const string ConsecutiveLossLimit = "consecutive_loss_limit";
    public const string FearGreedExtremeLow = "fear_greed_extreme_low";
    public const string FearGreedExtremeHigh = "fear_greed_extreme_high";
    public const string ConcentrationLimitPct = "concentration_limit_pct";
    public const string KellyFraction = "kelly_fraction";
    public const string TargetVolatilityPct = "target_volatility_pct";

    /// <summary>Every required gene name, in the canonical order.</summary>
    public static ReadOnlyCollection<string> All { get; } = Array.AsReadOnly(
    [
        StopLossPct, TrailingStopPct, TakeProfitPct, MaxPositionSizePct, MaxTotalExposurePct, CorrelationPenalty,
        DailyDrawdownLimitPct, TotalDrawdownLimitPct, HighVolatilityThreshold, VolatilityScalingFactor, MaxTradesPerHour,
        CooldownPeriodMinutes, BearMarketReduction, MinSharpeContinuation, RapidLossThresholdPct,
        CorrelationSpikeThreshold, ConsecutiveLossLimit, FearGreedExtremeLow, FearGreedExtremeHigh, ConcentrationLimitPct,
        KellyFraction, TargetVolatilityPct,
    ]);
}
