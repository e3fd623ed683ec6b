namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>Why a batch is evaluated.</summary>
internal enum EvaluationPurpose
{
    /// <summary>A generation's new individuals: training windows (for selection) and test windows (for reporting).</summary>
    Generation,

    /// <summary>The hall of fame after the last generation, on the hold-out window only.</summary>
    Holdout,
}
