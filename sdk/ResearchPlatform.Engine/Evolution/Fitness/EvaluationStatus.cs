namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>Outcome of evaluating one individual.</summary>
internal enum EvaluationStatus
{
    /// <summary>Metrics for every window are present.</summary>
    Ok,

    /// <summary>The evaluation threw or produced invalid metrics; fitness is -infinity.</summary>
    Failed,

    /// <summary>The evaluation exceeded its time limit; fitness is -infinity.</summary>
    TimedOut,
}
