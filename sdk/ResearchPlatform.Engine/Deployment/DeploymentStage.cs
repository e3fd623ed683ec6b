namespace ResearchPlatform.Engine.Deployment;

/// <summary>
/// The life cycle of a deployed strategy: Candidate (from an evolution's hall of fame) -> Backtested -> Paper ->
/// Approved (NEW_STRATEGY_APPROVAL) -> Live (capital ramp) -> Retired (STRATEGY_RETIREMENT). Live rolls back to Paper on a
/// bad checkpoint or when the pool shrinks.
/// </summary>
public enum DeploymentStage
{
    /// <summary>Taken from an evolution run; not yet backtested on its own.</summary>
    Candidate,

    /// <summary>Backtested with acceptable metrics; waiting for a paper slot.</summary>
    Backtested,

    /// <summary>Paper trading (replayed or real time).</summary>
    Paper,

    /// <summary>Approved for live trading; waiting for a slot in the live pool.</summary>
    Approved,

    /// <summary>Trading real capital at its current ramp step.</summary>
    Live,

    /// <summary>Retired; terminal.</summary>
    Retired,
}
