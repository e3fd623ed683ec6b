namespace ResearchPlatform.Sdk.Execution;

/// <summary>How an order executes.</summary>
public enum OrderType
{
    /// <summary>Executes at the next available price, taking liquidity.</summary>
    Market,

    /// <summary>Executes at the limit price or better; rests on the book unless IOC.</summary>
    Limit,

    /// <summary>Becomes a market order once the trigger price is reached against the position (stop-loss).</summary>
    Stop,

    /// <summary>Becomes a market order once the trigger price is reached in favour of the position (take-profit).</summary>
    TakeProfit,
}
