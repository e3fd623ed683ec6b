using System.Globalization;
using ResearchPlatform.Sdk.Risk;
using ResearchPlatform.Sdk.Seeds;

namespace __NAME__;

/// <summary>
/// Risk genome '__ID__': the genes of the risk manager and position sizer with their search bounds and this genome's
/// defaults (its preset). Every name of <see cref="RiskGenes.All"/> must be present. Use it with
/// <c>rp backtest --risk __ID__</c> or evolve it with <c>rp evolve-risk --risk __ID__</c>.
/// Instantiated once per load and shared between threads: keep it stateless.
/// </summary>
public sealed class __NAME__RiskGenome : IRiskGenomeDefinition
{
    // name, kind, min, max, default (this genome's preset), description. Fractions are of 1 (0.05 = 5 %).
    private static readonly GeneSpec[] Table =
    [
        Real(RiskGenes.StopLossPct, 0.005, 0.20, 0.04, "Stop distance from entry, fraction of price"),
        Real(RiskGenes.TrailingStopPct, 0.005, 0.15, 0.03, "Trailing stop distance from the best price"),
        Real(RiskGenes.TakeProfitPct, 0.01, 0.50, 0.12, "Take-profit distance from entry"),
        Real(RiskGenes.MaxPositionSizePct, 0.01, 0.50, 0.08, "Largest position notional, fraction of equity"),
        Real(RiskGenes.MaxTotalExposurePct, 0.10, 3.0, 0.8, "Largest total notional, fraction of equity"),
        Real(RiskGenes.CorrelationPenalty, 0.0, 1.0, 0.5, "Size cut per unit of positive correlation"),
        Real(RiskGenes.DailyDrawdownLimitPct, 0.01, 0.20, 0.04, "Drawdown from the day's high that trips the daily breaker"),
        Real(RiskGenes.TotalDrawdownLimitPct, 0.05, 0.50, 0.15, "Drawdown from the equity high that trips the total breaker"),
        Real(RiskGenes.HighVolatilityThreshold, 0.50, 0.99, 0.90, "Volatility percentile counted as a spike"),
        Real(RiskGenes.VolatilityScalingFactor, 0.10, 1.0, 0.5, "Size multiplier while volatility is high"),
        Int(RiskGenes.MaxTradesPerHour, 1, 200, 20, "Trades allowed in any rolling hour"),
        Int(RiskGenes.CooldownPeriodMinutes, 0, 1440, 60, "Minutes a trade-rate or loss breaker stays active"),
        Real(RiskGenes.BearMarketReduction, 0.0, 0.90, 0.5, "Size reduction in bear regimes"),
        Real(RiskGenes.MinSharpeContinuation, -2.0, 2.0, 0.0, "Recent Sharpe below which a strategy should stop"),
        Real(RiskGenes.RapidLossThresholdPct, 0.005, 0.15, 0.03, "Losing-streak loss that trips the rapid-loss breaker"),
        Real(RiskGenes.CorrelationSpikeThreshold, 0.30, 0.99, 0.8, "Average correlation that trips the correlation breaker"),
        Int(RiskGenes.ConsecutiveLossLimit, 2, 20, 5, "Consecutive losing trades that trip the loss breaker"),
        Int(RiskGenes.FearGreedExtremeLow, 0, 40, 10, "Fear & Greed at or below this is extreme fear"),
        Int(RiskGenes.FearGreedExtremeHigh, 60, 100, 90, "Fear & Greed at or above this is extreme greed"),
        Real(RiskGenes.ConcentrationLimitPct, 0.05, 1.0, 0.25, "Largest position that trips the concentration breaker"),
        Real(RiskGenes.KellyFraction, 0.05, 1.0, 0.25, "Fraction of the full Kelly bet"),
        Real(RiskGenes.TargetVolatilityPct, 0.05, 1.0, 0.20, "Annualised volatility a vol-targeted position aims at"),
    ];

    public string Id => "__ID__";

    public string Description => "Balanced limits: 8% per position, 4% daily / 15% total drawdown breakers (edit me)";

    public IReadOnlyList<GeneSpec> Genes { get; } = Array.AsReadOnly(Table);

    /// <summary>Cross-gene rules beyond the per-gene bounds; empty when the vector is valid.</summary>
    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes)
    {
        if (genes.Length != Table.Length)
        {
            return [$"expected {Table.Length} genes, got {genes.Length}"];
        }

        var problems = new List<string>();
        for (var i = 0; i < Table.Length; i++)
        {
            // Values outside [Min, Max] are allowed (the bounds are the search space; rp warns about overrides beyond them).
            if (!double.IsFinite(genes[i]) || (genes[i] < 0 && Table[i].Min >= 0))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{Table[i].Name} must be a finite number >= 0 (got {genes[i]})"));
            }
        }

        if (Value(genes, RiskGenes.DailyDrawdownLimitPct) > Value(genes, RiskGenes.TotalDrawdownLimitPct))
        {
            problems.Add("daily_drawdown_limit_pct must not exceed total_drawdown_limit_pct");
        }

        if (Value(genes, RiskGenes.MaxPositionSizePct) > Value(genes, RiskGenes.MaxTotalExposurePct))
        {
            problems.Add("max_position_size_pct must not exceed max_total_exposure_pct");
        }

        return problems;
    }

    private static double Value(ReadOnlySpan<double> genes, string name) => genes[Array.FindIndex(Table, g => g.Name == name)];

    private static GeneSpec Real(string name, double min, double max, double value, string description) =>
        new(name, GeneKind.Real, min, max, value, description);

    private static GeneSpec Int(string name, double min, double max, double value, string description) =>
        new(name, GeneKind.Integer, min, max, value, description);
}
