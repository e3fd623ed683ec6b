using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Risk.Breakers;

/// <summary>The standard breakers, configured from a risk genome.</summary>
internal static class CircuitBreakerRules
{
    public const string DailyDrawdown = "daily_drawdown";
    public const string TotalDrawdown = "total_drawdown";
    public const string CorrelationSpike = "correlation_spike";
    public const string VolatilitySpike = "volatility_spike";
    public const string FearGreedExtreme = "fear_greed_extreme";
    public const string Concentration = "concentration";
    public const string ConsecutiveLosses = "consecutive_losses";
    public const string RapidLoss = "rapid_loss";
    public const string TradeRate = "trade_rate";

    /// <summary>Points back inside the Fear &amp; Greed band needed to reset the sentiment breaker.</summary>
    public const double FearGreedResetMargin = 5;

    /// <summary>The nine standard breakers for <paramref name="g"/>.</summary>
    public static IReadOnlyList<CircuitBreakerRule> Create(RiskGenome g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var cooldown = TimeSpan.FromMinutes(g.CooldownPeriodMinutes);
        return
        [
            new(DailyDrawdown, RiskLevel.Critical, g.DailyDrawdownLimitPct, g.DailyDrawdownLimitPct / 2, TimeSpan.Zero,
                (m, _) => m.DailyDrawdownPct, "drawdown from the day's equity high; resets at half the limit (at the latest the next UTC day)"),
            new(TotalDrawdown, RiskLevel.Emergency, g.TotalDrawdownLimitPct, g.TotalDrawdownLimitPct / 2, TimeSpan.Zero,
                (m, _) => m.TotalDrawdownPct, "drawdown from the all-time equity high; resets at half the limit or manually"),
            new(CorrelationSpike, RiskLevel.Moderate, g.CorrelationSpikeThreshold, g.CorrelationSpikeThreshold - 0.1, TimeSpan.Zero,
                (m, _) => m.AverageCorrelation, "average correlation of held assets with the portfolio; resets 0.1 lower"),
            new(VolatilitySpike, RiskLevel.Moderate, g.HighVolatilityThreshold, g.HighVolatilityThreshold - 0.1, TimeSpan.Zero,
                (_, s) => s.VolatilityPercentile, "percentile of the rolling 20-day volatility; resets 0.1 lower"),
            new(FearGreedExtreme, RiskLevel.Moderate, 0, -FearGreedResetMargin, TimeSpan.Zero,
                (_, s) => FearGreedExcess(s.FearGreed, g), "points beyond the extreme fear/greed bounds; resets 5 points back inside"),
            new(Concentration, RiskLevel.High, g.ConcentrationLimitPct, g.ConcentrationLimitPct * 0.8, TimeSpan.Zero,
                (m, _) => m.ConcentrationPct, "largest position / equity; resets at 80% of the limit"),
            new(ConsecutiveLosses, RiskLevel.High, g.ConsecutiveLossLimit, double.PositiveInfinity, cooldown,
                (m, _) => m.ConsecutiveLosses, "losing trades in a row; resets after the cooldown and clears the streak"),
            new(RapidLoss, RiskLevel.Critical, g.RapidLossThresholdPct, double.PositiveInfinity, cooldown,
                (m, _) => m.LossStreakPct, "losses of the current losing streak / equity; resets after the cooldown and clears the streak"),
            new(TradeRate, RiskLevel.High, g.MaxTradesPerHour, g.MaxTradesPerHour - 1, cooldown,
                (m, _) => m.TradesLastHour, "fills in the last hour; resets after the cooldown once below the limit"),
        ];
    }

    /// <summary>How far sentiment is beyond the extreme band (positive = beyond), NaN when unknown.</summary>
    public static double FearGreedExcess(double? fearGreed, RiskGenome g) =>
        fearGreed is { } v ? Math.Max(g.FearGreedExtremeLow - v, v - g.FearGreedExtremeHigh) : double.NaN;
}
