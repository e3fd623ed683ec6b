namespace ResearchPlatform.Engine.Backtesting;

/// <summary>How a target in [-1, 1] becomes a number of units.</summary>
public enum SizingMode
{
    /// <summary>units = target × equity / (price × (1 + fee)): fractional units, all-in at |target| = 1.</summary>
    Fraction,

    /// <summary>As <see cref="Fraction"/> but floored to whole units (backtesting.py's all-in order).</summary>
    WholeUnits,

    /// <summary>units = target × <see cref="BacktestOptions.Units"/>, whatever the equity (PnL in price units).</summary>
    FixedUnits,
}
