namespace ResearchPlatform.Engine.Backtesting;

/// <summary>Which side of a target is traded; the other side becomes flat.</summary>
public enum TradeDirection
{
    /// <summary>Both long and short targets are traded.</summary>
    LongShort,

    /// <summary>Negative targets become 0.</summary>
    LongOnly,

    /// <summary>Positive targets become 0.</summary>
    ShortOnly,
}
