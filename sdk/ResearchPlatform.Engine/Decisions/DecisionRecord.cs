using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>One decision taken by the engine: the rule's result, its routing and whether it came from the cache.</summary>
/// <param name="Id">Decision id.</param>
/// <param name="At">When it was taken.</param>
/// <param name="Result">The result (a fallback carries <see cref="DecisionResult.Error"/>).</param>
/// <param name="Routing">Routing by confidence.</param>
/// <param name="FromCache">True when an identical context was answered from the cache.</param>
public sealed record DecisionRecord(string Id, DateTimeOffset At, DecisionResult Result, DecisionRouting Routing, bool FromCache)
{
    /// <summary>True unless queued for a human.</summary>
    public bool Executed => Routing != DecisionRouting.QueuedForHuman;
}
