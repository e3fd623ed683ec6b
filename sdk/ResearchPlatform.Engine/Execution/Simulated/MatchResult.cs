using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Simulated;

/// <summary>What one bar does to one order: a fill (quantity &gt; 0), a trigger, and/or a cancel of the remainder.</summary>
internal readonly record struct MatchResult(decimal Quantity, decimal Price, Liquidity Liquidity, bool TriggeredNow, string? CancelReason)
{
    public static MatchResult None { get; } = new(0, 0, Liquidity.Taker, false, null);
}
