using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Plugins.RiskGenomes;

/// <summary><c>risk:conservative</c>: smaller positions, tighter breakers, longer cooldowns.</summary>
public sealed class ConservativeRiskGenome : PresetRiskGenome
{
    public ConservativeRiskGenome()
        : base(new Dictionary<string, double>(DefaultRiskGenome.Values, StringComparer.Ordinal)
        {
            [RiskGenes.StopLossPct] = 0.03,
            [RiskGenes.MaxPositionSizePct] = 0.05,
            [RiskGenes.MaxTotalExposurePct] = 0.5,
            [RiskGenes.CorrelationPenalty] = 0.8,
            [RiskGenes.DailyDrawdownLimitPct] = 0.03,
            [RiskGenes.TotalDrawdownLimitPct] = 0.10,
            [RiskGenes.HighVolatilityThreshold] = 0.80,
            [RiskGenes.VolatilityScalingFactor] = 0.3,
            [RiskGenes.MaxTradesPerHour] = 10,
            [RiskGenes.CooldownPeriodMinutes] = 120,
            [RiskGenes.BearMarketReduction] = 0.7,
            [RiskGenes.ConsecutiveLossLimit] = 3,
            [RiskGenes.ConcentrationLimitPct] = 0.15,
            [RiskGenes.KellyFraction] = 0.10,
            [RiskGenes.TargetVolatilityPct] = 0.10,
        })
    {
    }

    /// <inheritdoc />
    public override string Id => "conservative";

    /// <inheritdoc />
    public override string Description => "Tight limits: 5% per position, 3% daily / 10% total drawdown breakers";
}
