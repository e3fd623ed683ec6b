namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>Lifecycle of a stored run.</summary>
internal enum EvolutionRunStatus
{
    /// <summary>Generations are being evaluated (or the process died; resume continues it).</summary>
    Running,

    /// <summary>Stopped by the user (Ctrl+C) after a completed generation; resumable.</summary>
    Stopped,

    /// <summary>Finished: hall of fame and hold-out stored.</summary>
    Completed,

    /// <summary>Aborted by an error; resumable from the last completed generation.</summary>
    Failed,
}
