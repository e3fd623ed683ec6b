namespace ResearchPlatform.Engine.Execution;

/// <summary>Counters of the order manager since it started (recovered orders are not counted as submitted).</summary>
internal sealed record OrderManagerStats(
    long Submitted,
    long Denied,
    long PlaceCalls,
    long Retries,
    int MostRetriesForOneCall,
    long RetriesExhausted,
    long ResolvedByQuery,
    long Resubmitted,
    long DuplicateEvents,
    long IllegalTransitions,
    long UnknownOrderEvents,
    long LateFills,
    long RecoveredEntries);
