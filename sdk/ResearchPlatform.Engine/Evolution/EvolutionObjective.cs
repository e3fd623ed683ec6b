namespace ResearchPlatform.Engine.Evolution;

/// <summary>How selection ranks individuals.</summary>
internal enum EvolutionObjective
{
    /// <summary>Single objective: the composite fitness, with elitism.</summary>
    Composite,

    /// <summary>NSGA-II over two objectives (default Sharpe and -max drawdown), returning the Pareto front.</summary>
    Pareto,
}
