namespace ResearchPlatform.Sdk.Decisions;

/// <summary>
/// Everything a decision rule may read: capital, the strategy pool, the market regime, risk metrics, recent decisions
/// and the thresholds. Immutable; a rule never sees the engines. Identical contexts give identical decisions (rules are
/// pure), which is what lets the engine answer repeated contexts from its cache.
/// </summary>
public sealed record DecisionContext
{
    /// <summary>Account capital in quote currency (e.g. USDT).</summary>
    public double Capital { get; init; }

    /// <summary>The strategy pool (all stages).</summary>
    public IReadOnlyList<StrategySnapshot> Strategies { get; init; } = [];

    /// <summary>Market regime label, e.g. "bull", "bear", "sideways", "high_volatility", "crisis".</summary>
    public string Regime { get; init; } = "unknown";

    /// <summary>Portfolio risk metrics.</summary>
    public RiskSnapshot Risk { get; init; } = new();

    /// <summary>Recent decisions, newest first.</summary>
    public IReadOnlyList<RecentDecision> RecentDecisions { get; init; } = [];

    /// <summary>Rule parameters.</summary>
    public Thresholds Thresholds { get; init; } = Thresholds.Empty;

    /// <summary>The time the decision is taken (rules must not read the clock).</summary>
    public DateTimeOffset AsOf { get; init; }

    /// <summary>Shortcut for <c>Thresholds.Get(name)</c>.</summary>
    public double Threshold(string name) => Thresholds.Get(name);

    /// <summary>Strategies in <paramref name="stage"/>.</summary>
    public IEnumerable<StrategySnapshot> InStage(StrategyStage stage) => Strategies.Where(s => s.Stage == stage);
}
