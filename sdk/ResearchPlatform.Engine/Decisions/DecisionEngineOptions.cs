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

    /// <summary>Maximum cached decisions (the cache is cleared when full).</summary>
    public int CacheCapacity { get; init; } = 10_000;
}
