namespace ResearchPlatform.Engine.Decisions;

/// <summary>Engine settings.</summary>
public sealed record DecisionEngineOptions
{
    /// <summary>Time budget of one rule evaluation (default 100 ms).</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Confidence routing.</summary>
    public RoutingPolicy Routing { get; init; } = new();

    /// <summary>Answer repeated identical contexts (same rule hash) from a cache.</summary>
    public bool CacheDecisions { get; init; } = true;

    /// <summary>
    /// Run a rule version on the caller's thread once it has proven itself: after <see cref="TrustAfter"/> runs on the
    /// worker thread, each within half the budget. An inline run gets a token cancelled at the deadline and a result that
    /// arrives after the deadline is discarded (fallback "late"), but a rule that ignores its token blocks the caller
    /// until it returns, which the worker thread prevents. Default true: the worker hand-off dominates the latency
    /// (docs/decisions.md). New and changed rule versions always start on the worker.
    /// </summary>
    public bool InlineTrustedRules { get; init; } = true;

    /// <summary>Worker runs within half the budget before a rule version runs inline (default 20).</summary>
    public int TrustAfter { get; init; } = 20;

    /// <summary>Maximum cached decisions (the cache is cleared when full).</summary>
    public int CacheCapacity { get; init; } = 10_000;
}
