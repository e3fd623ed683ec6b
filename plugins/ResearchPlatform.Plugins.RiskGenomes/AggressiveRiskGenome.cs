using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Plugins.RiskGenomes;

/// <summary><c>risk:aggressive</c>: larger positions, looser breakers, short cooldowns.</summary>
public sealed class AggressiveRiskGenome : PresetRiskGenome
{
    public AggressiveRiskGenome()
        : base(new Dictionary<string, double>(DefaultRiskGenome.Values, StringComparer.Ordinal)
        {
            [RiskGenes.StopLossPct] = 0.08,
            [RiskGenes.MaxPositionSizePct] = 0.20,
            [RiskGenes.MaxTotalExposurePct] = 2.0,
            [RiskGenes.CorrelationPenalty] = 0.3,
            [RiskGenes.DailyDrawdownLimitPct] = 0.10,
            [RiskGenes.TotalDrawdownLimitPct] = 0.35,
            [RiskGenes.HighVolatilityThreshold] = 0.95,
            [RiskGenes.VolatilityScalingFactor] = 0.7,
            [RiskGenes.MaxTradesPerHour] = 60,
            [RiskGenes.CooldownPeriodMinutes] = 30,
            [RiskGenes.BearMarketReduction] = 0.3,
            [RiskGenes.ConsecutiveLossLimit] = 8,
            [RiskGenes.ConcentrationLimitPct] = 0.40,
            [RiskGenes.KellyFraction] = 0.5,
            [RiskGenes.TargetVolatilityPct] = 0.40,
        })
    {
    }

    /// <inheritdoc />
    public override string Id => "aggressive";

    /// <inheritdoc />
    public override string Description => "Loose limits: 20% per position, 10% daily / 35% total drawdown breakers";
}
