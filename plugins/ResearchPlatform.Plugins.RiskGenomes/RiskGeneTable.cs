using ResearchPlatform.Sdk.Risk;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.RiskGenomes;

/// <summary>
/// The shared gene table: names, kinds, search bounds and descriptions. Presets differ only in their defaults.
/// Bounds are the safe search space for crypto perpetuals; fractions are of 1.
/// </summary>
internal static class RiskGeneTable
{
    private static readonly (string Name, GeneKind Kind, double Min, double Max, string Description)[] Rows =
    [
        (RiskGenes.StopLossPct, GeneKind.Real, 0.005, 0.20, "Stop distance from entry, fraction of price"),
        (RiskGenes.TrailingStopPct, GeneKind.Real, 0.005, 0.15, "Trailing stop distance from the best price, fraction"),
        (RiskGenes.TakeProfitPct, GeneKind.Real, 0.01, 0.50, "Take-profit distance from entry, fraction"),
        (RiskGenes.MaxPositionSizePct, GeneKind.Real, 0.01, 0.50, "Largest position notional, fraction of equity"),
        (RiskGenes.MaxTotalExposurePct, GeneKind.Real, 0.10, 3.0, "Largest total notional, fraction of equity"),
        (RiskGenes.CorrelationPenalty, GeneKind.Real, 0.0, 1.0, "Size cut per unit of positive correlation with the portfolio"),
        (RiskGenes.DailyDrawdownLimitPct, GeneKind.Real, 0.01, 0.20, "Drawdown from the day's high that trips the daily breaker"),
        (RiskGenes.TotalDrawdownLimitPct, GeneKind.Real, 0.05, 0.50, "Drawdown from the equity high that trips the total breaker"),
        (RiskGenes.HighVolatilityThreshold, GeneKind.Real, 0.50, 0.99, "Volatility percentile (0..1) counted as a spike"),
        (RiskGenes.VolatilityScalingFactor, GeneKind.Real, 0.10, 1.0, "Size multiplier while volatility is high"),
        (RiskGenes.MaxTradesPerHour, GeneKind.Integer, 1, 200, "Trades allowed in any rolling hour"),
        (RiskGenes.CooldownPeriodMinutes, GeneKind.Integer, 0, 1440, "Minimum minutes a trade-rate or loss breaker stays active"),
        (RiskGenes.BearMarketReduction, GeneKind.Real, 0.0, 0.90, "Size reduction in bear regimes"),
        (RiskGenes.MinSharpeContinuation, GeneKind.Real, -2.0, 2.0, "Recent Sharpe below which a strategy should stop"),
        (RiskGenes.RapidLossThresholdPct, GeneKind.Real, 0.005, 0.15, "Losing-streak loss, fraction of equity, that trips the rapid-loss breaker"),
        (RiskGenes.CorrelationSpikeThreshold, GeneKind.Real, 0.30, 0.99, "Average correlation that trips the correlation breaker"),
        (RiskGenes.ConsecutiveLossLimit, GeneKind.Integer, 2, 20, "Consecutive losing trades that trip the loss breaker"),
        (RiskGenes.FearGreedExtremeLow, GeneKind.Integer, 0, 40, "Fear & Greed at or below this is extreme fear"),
        (RiskGenes.FearGreedExtremeHigh, GeneKind.Integer, 60, 100, "Fear & Greed at or above this is extreme greed"),
        (RiskGenes.ConcentrationLimitPct, GeneKind.Real, 0.05, 1.0, "Largest position, fraction of equity, that trips the concentration breaker"),
        (RiskGenes.KellyFraction, GeneKind.Real, 0.05, 1.0, "Fraction of the full Kelly bet"),
        (RiskGenes.TargetVolatilityPct, GeneKind.Real, 0.05, 1.0, "Annualised volatility a vol-targeted position aims at"),
    ];

    /// <summary>Builds the gene list with the given defaults (keyed by gene name; every gene must have one).</summary>
    public static IReadOnlyList<GeneSpec> Build(IReadOnlyDictionary<string, double> defaults) =>
        Array.AsReadOnly(Rows.Select(r => new GeneSpec(r.Name, r.Kind, r.Min, r.Max, defaults[r.Name], r.Description)).ToArray());

    /// <summary>Checks cross-gene constraints shared by every preset.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<GeneSpec> genes, ReadOnlySpan<double> values)
    {
        var problems = new List<string>();
        if (values.Length != genes.Count)
        {
            problems.Add($"expected {genes.Count} genes, got {values.Length}");
            return problems;
        }

        double Get(ReadOnlySpan<double> v, string name)
        {
            for (var i = 0; i < genes.Count; i++)
            {
                if (genes[i].Name == name)
                {
                    return v[i];
                }
            }

            return double.NaN;
        }

        for (var i = 0; i < genes.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                problems.Add($"{genes[i].Name} must be a finite number");
            }
            else if (values[i] < 0 && genes[i].Name != RiskGenes.MinSharpeContinuation)
            {
                problems.Add($"{genes[i].Name} must not be negative (got {values[i].ToString(System.Globalization.CultureInfo.InvariantCulture)})");
            }
        }

        if (Get(values, RiskGenes.DailyDrawdownLimitPct) > Get(values, RiskGenes.TotalDrawdownLimitPct))
        {
            problems.Add("daily_drawdown_limit_pct must not exceed total_drawdown_limit_pct");
        }

        if (Get(values, RiskGenes.MaxPositionSizePct) > Get(values, RiskGenes.MaxTotalExposurePct))
        {
            problems.Add("max_position_size_pct must not exceed max_total_exposure_pct");
        }

        if (Get(values, RiskGenes.FearGreedExtremeLow) >= Get(values, RiskGenes.FearGreedExtremeHigh))
        {
            problems.Add("fear_greed_extreme_low must be below fear_greed_extreme_high");
        }

        return problems;
    }
}
