namespace ResearchPlatform.Engine.Evolution;

/// <summary>Why a run stopped (cancellation is not a reason: it throws, and the run can be resumed).</summary>
internal enum TerminationReason
{
    /// <summary>The configured number of generations completed.</summary>
    Generations,

    /// <summary>The best fitness did not improve for the configured number of generations.</summary>
    Stagnation,

    /// <summary>The wall-clock budget was used up.</summary>
    TimeBudget,
}
