namespace ResearchPlatform.Engine.Resilience.Disaster;

/// <summary>
/// Disaster mode as the API shows it: engaged or not, the current failure streak, since when the venue fails, the last
/// error, and what the last engagement and recovery did (orders cancelled / not cancellable, orders reconciled).
/// </summary>
internal sealed record DisasterStatus(
    bool Engaged,
    int ConsecutiveFailures,
    DateTimeOffset? UnreachableSince,
    string? LastError,
    int Engagements,
    DateTimeOffset? EngagedAt,
    DateTimeOffset? RecoveredAt,
    int CancelledOnEngage,
    int NotCancelledOnEngage,
    int ReconciledOnRecovery,
    int PositionDiscrepancies)
{
    public static DisasterStatus Normal { get; } = new(false, 0, null, null, 0, null, null, 0, 0, 0, 0);

    /// <summary>One line for component statuses and logs.</summary>
    public string Describe() => Engaged
        ? FormattableString.Invariant($"DISASTER MODE since {EngagedAt:HH:mm:ss}: venue unreachable since {UnreachableSince:HH:mm:ss} ({ConsecutiveFailures} failed probes, last: {LastError}); new orders refused; {CancelledOnEngage} orders cancelled, {NotCancelledOnEngage} not cancellable")
        : Engagements == 0
            ? "venue reachable"
            : FormattableString.Invariant($"venue reachable; recovered at {RecoveredAt:HH:mm:ss} after {Engagements} engagement(s): {ReconciledOnRecovery} orders reconciled, {PositionDiscrepancies} position discrepancies");
}
