namespace ResearchPlatform.Engine.Paper;

/// <summary>How a target in [-1, 1] becomes an order quantity.</summary>
internal enum PaperSizing
{
    /// <summary>|target| x equity / (decision price x (1 + taker fee)): the backtest kernel's fraction sizing, priced at the decision close.</summary>
    Fraction,

    /// <summary>|target| x <see cref="PaperOptions.Units"/>, whatever the equity (the kernel's fixed units).</summary>
    FixedUnits,

    /// <summary>|target| x the risk genome's <c>PositionSizer</c> fraction (fixed fraction, level, regime, clamps) x equity / price.</summary>
    RiskSizer,
}
