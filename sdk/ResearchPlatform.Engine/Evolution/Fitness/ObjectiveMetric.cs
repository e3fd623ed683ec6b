namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>A metric NSGA-II can maximise (means over the training windows unless stated).</summary>
internal enum ObjectiveMetric
{
    /// <summary>Mean annualised Sharpe ratio.</summary>
    Sharpe,

    /// <summary>Mean annualised log return.</summary>
    AnnualReturn,

    /// <summary>Minus the worst max drawdown over the training windows (maximising it minimises drawdown).</summary>
    NegMaxDrawdown,

    /// <summary>Mean trades per window.</summary>
    Trades,

    /// <summary>The composite fitness.</summary>
    Composite,
}
