using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Sdk.Risk;

/// <summary>
/// The values of one risk genome, by name. Property defaults are the "default" preset of the RiskGenomes plugin.
/// Fractions are of 1 (0.05 = 5%). Build one from a definition's gene vector with <see cref="FromGenes"/>.
/// </summary>
public sealed record RiskGenome
{
    /// <summary>Stop distance from entry, fraction of entry price.</summary>
    public double StopLossPct { get; init; } = 0.05;

    /// <summary>Trailing stop distance from the best price, fraction.</summary>
    public double TrailingStopPct { get; init; } = 0.03;

    /// <summary>Take-profit distance from entry, fraction.</summary>
    public double TakeProfitPct { get; init; } = 0.10;

    /// <summary>Largest single position notional, fraction of equity.</summary>
    public double MaxPositionSizePct { get; init; } = 0.10;

    /// <summary>Largest sum of position notionals, fraction of equity (above 1 = leverage).</summary>
    public double MaxTotalExposurePct { get; init; } = 1.0;

    /// <summary>Size reduction per unit of positive correlation with the portfolio (0 = none, 1 = full).</summary>
    public double CorrelationPenalty { get; init; } = 0.5;

    /// <summary>Drawdown from the day's equity high that trips the daily breaker, fraction.</summary>
    public double DailyDrawdownLimitPct { get; init; } = 0.05;

    /// <summary>Drawdown from the all-time equity high that trips the total breaker, fraction.</summary>
    public double TotalDrawdownLimitPct { get; init; } = 0.20;

    /// <summary>Volatility percentile (0..1) above which volatility counts as a spike.</summary>
    public double HighVolatilityThreshold { get; init; } = 0.90;

    /// <summary>Size multiplier while volatility is above <see cref="HighVolatilityThreshold"/>.</summary>
    public double VolatilityScalingFactor { get; init; } = 0.5;

    /// <summary>Trades allowed in any rolling hour before the trade-rate breaker trips.</summary>
    public double MaxTradesPerHour { get; init; } = 20;

    /// <summary>Minutes a tripped trade-rate or loss breaker stays active at least.</summary>
    public double CooldownPeriodMinutes { get; init; } = 60;

    /// <summary>Size reduction in bear regimes (0.5 halves sizes).</summary>
    public double BearMarketReduction { get; init; } = 0.5;

    /// <summary>Recent Sharpe below which the decision engine should stop a strategy (consumed by decision rules).</summary>
    public double MinSharpeContinuation { get; init; }

    /// <summary>Cumulative loss of the current losing streak, fraction of equity, that trips the rapid-loss breaker.</summary>
    public double RapidLossThresholdPct { get; init; } = 0.03;

    /// <summary>Average correlation with the portfolio that trips the correlation breaker.</summary>
    public double CorrelationSpikeThreshold { get; init; } = 0.8;

    /// <summary>Consecutive losing trades that trip the consecutive-loss breaker.</summary>
    public double ConsecutiveLossLimit { get; init; } = 5;

    /// <summary>Fear &amp; Greed value at or below which sentiment is extreme fear.</summary>
    public double FearGreedExtremeLow { get; init; } = 10;

    /// <summary>Fear &amp; Greed value at or above which sentiment is extreme greed.</summary>
    public double FearGreedExtremeHigh { get; init; } = 90;

    /// <summary>Largest single position notional, fraction of equity, that trips the concentration breaker (catches positions
    /// that grew past their sizing limit).</summary>
    public double ConcentrationLimitPct { get; init; } = 0.25;

    /// <summary>Fraction of the full Kelly bet to use.</summary>
    public double KellyFraction { get; init; } = 0.25;

    /// <summary>Annualised volatility a volatility-targeted position aims at, fraction.</summary>
    public double TargetVolatilityPct { get; init; } = 0.20;

    /// <summary>
    /// Builds a genome from a definition's genes and one vector of values (same order). Every name in
    /// <see cref="RiskGenes.All"/> must be present; extra genes are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">A required gene is missing or the lengths differ.</exception>
    public static RiskGenome FromGenes(IReadOnlyList<GeneSpec> genes, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(genes);
        if (genes.Count != values.Length)
        {
            throw new ArgumentException($"{values.Length} values for {genes.Count} genes", nameof(values));
        }

        var byName = new Dictionary<string, double>(genes.Count, StringComparer.Ordinal);
        for (var i = 0; i < genes.Count; i++)
        {
            byName[genes[i].Name] = values[i];
        }

        var missing = RiskGenes.All.Where(n => !byName.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException("risk genome is missing genes: " + string.Join(", ", missing), nameof(genes));
        }

        return new RiskGenome
        {
            StopLossPct = byName[RiskGenes.StopLossPct],
            TrailingStopPct = byName[RiskGenes.TrailingStopPct],
            TakeProfitPct = byName[RiskGenes.TakeProfitPct],
            MaxPositionSizePct = byName[RiskGenes.MaxPositionSizePct],
            MaxTotalExposurePct = byName[RiskGenes.MaxTotalExposurePct],
            CorrelationPenalty = byName[RiskGenes.CorrelationPenalty],
            DailyDrawdownLimitPct = byName[RiskGenes.DailyDrawdownLimitPct],
            TotalDrawdownLimitPct = byName[RiskGenes.TotalDrawdownLimitPct],
            HighVolatilityThreshold = byName[RiskGenes.HighVolatilityThreshold],
            VolatilityScalingFactor = byName[RiskGenes.VolatilityScalingFactor],
            MaxTradesPerHour = byName[RiskGenes.MaxTradesPerHour],
            CooldownPeriodMinutes = byName[RiskGenes.CooldownPeriodMinutes],
            BearMarketReduction = byName[RiskGenes.BearMarketReduction],
            MinSharpeContinuation = byName[RiskGenes.MinSharpeContinuation],
            RapidLossThresholdPct = byName[RiskGenes.RapidLossThresholdPct],
            CorrelationSpikeThreshold = byName[RiskGenes.CorrelationSpikeThreshold],
            ConsecutiveLossLimit = byName[RiskGenes.ConsecutiveLossLimit],
            FearGreedExtremeLow = byName[RiskGenes.FearGreedExtremeLow],
            FearGreedExtremeHigh = byName[RiskGenes.FearGreedExtremeHigh],
            ConcentrationLimitPct = byName[RiskGenes.ConcentrationLimitPct],
            KellyFraction = byName[RiskGenes.KellyFraction],
            TargetVolatilityPct = byName[RiskGenes.TargetVolatilityPct],
        };
    }

    /// <summary>Builds the genome of a definition's defaults (its preset).</summary>
    public static RiskGenome Defaults(IRiskGenomeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var values = definition.Genes.Select(g => g.Default).ToArray();
        return FromGenes(definition.Genes, values);
    }
}
