using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Plugins.RiskGenomes;

/// <summary><c>risk:default</c>: balanced limits; its defaults equal <see cref="RiskGenome"/>'s property defaults.</summary>
public sealed class DefaultRiskGenome : PresetRiskGenome
{
    internal static readonly Dictionary<string, double> Values = new(StringComparer.Ordinal)
    {
        [RiskGenes.StopLossPct] = 0.05,
        [RiskGenes.TrailingStopPct] = 0.03,
        [RiskGenes.TakeProfitPct] = 0.10,
        [RiskGenes.MaxPositionSizePct] = 0.10,
        [RiskGenes.MaxTotalExposurePct] = 1.0,
        [RiskGenes.CorrelationPenalty] = 0.5,
        [RiskGenes.DailyDrawdownLimitPct] = 0.05,
        [RiskGenes.TotalDrawdownLimitPct] = 0.20,
        [RiskGenes.HighVolatilityThreshold] = 0.90,
        [RiskGenes.VolatilityScalingFactor] = 0.5,
        [RiskGenes.MaxTradesPerHour] = 20,
        [RiskGenes.CooldownPeriodMinutes] = 60,
        [RiskGenes.BearMarketReduction] = 0.5,
        [RiskGenes.MinSharpeContinuation] = 0.0,
        [RiskGenes.RapidLossThresholdPct] = 0.03,
        [RiskGenes.CorrelationSpikeThreshold] = 0.8,
        [RiskGenes.ConsecutiveLossLimit] = 5,
        [RiskGenes.FearGreedExtremeLow] = 10,
        [RiskGenes.FearGreedExtremeHigh] = 90,
        [RiskGenes.ConcentrationLimitPct] = 0.25,
        [RiskGenes.KellyFraction] = 0.25,
        [RiskGenes.TargetVolatilityPct] = 0.20,
    };

    public DefaultRiskGenome()
        : base(Values)
    {
    }

    /// <inheritdoc />
    public override string Id => "default";

    /// <inheritdoc />
    public override string Description => "Balanced limits: 10% per position, 5% daily / 20% total drawdown breakers";
}
