namespace ResearchPlatform.Sdk.Execution;

/// <summary>How long a limit order stays working.</summary>
public enum TimeInForce
{
    /// <summary>Good till canceled: rests until filled or canceled.</summary>
    Gtc,

    /// <summary>Immediate or cancel: fills what it can at once, the remainder is canceled.</summary>
    Ioc,

    /// <summary>Add liquidity only (post-only): rejected if it would cross on arrival.</summary>
    Alo,
}
