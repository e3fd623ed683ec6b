namespace ResearchPlatform.Sdk.Execution;

/// <summary>Whether a fill added liquidity (maker) or removed it (taker).</summary>
public enum Liquidity
{
    /// <summary>Resting order filled by someone else's order.</summary>
    Maker,

    /// <summary>Order that crossed the spread.</summary>
    Taker,
}
