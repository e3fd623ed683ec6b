namespace ResearchPlatform.Engine.Resilience;

/// <summary>Where a supervised component is in its life cycle.</summary>
internal enum SupervisionState
{
    /// <summary>Registered, not started yet.</summary>
    Pending,

    /// <summary>Its <c>RunAsync</c> is running.</summary>
    Running,

    /// <summary>It faulted and waits for its backoff before the next start.</summary>
    Restarting,

    /// <summary>It faulted more often than the restart limit allows within the window: no more restarts.</summary>
    Escalated,

    /// <summary>It returned normally or the manager stopped.</summary>
    Stopped,
}
