namespace ResearchPlatform.Engine.Decisions;

/// <summary>Confidence routing: &gt; <see cref="AutoAbove"/> auto, &gt;= <see cref="ReviewAtOrAbove"/> execute and flag, below: queue for a human.</summary>
/// <param name="AutoAbove">Default 0.9.</param>
/// <param name="ReviewAtOrAbove">Default 0.7.</param>
public sealed record RoutingPolicy(double AutoAbove = 0.9, double ReviewAtOrAbove = 0.7)
{
    /// <summary>The routing of a confidence.</summary>
    public DecisionRouting Route(double confidence) =>
        confidence > AutoAbove ? DecisionRouting.AutoExecuted
        : confidence >= ReviewAtOrAbove ? DecisionRouting.ExecutedFlagged
        : DecisionRouting.QueuedForHuman;
}
