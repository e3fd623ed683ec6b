namespace ResearchPlatform.Engine.Alerts.Configuration;

/// <summary>
/// The whole alerting configuration (<c>alerts.json</c> in the workspace, read by <see cref="AlertsConfigLoader"/>).
/// </summary>
public sealed record AlertsConfig
{
    public required IReadOnlyList<AlertChannelConfig> Channels { get; init; }

    /// <summary>Repeats of the same key within this window collapse into the first alert (its count grows).</summary>
    public TimeSpan ThrottleWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often failed deliveries are retried.</summary>
    public TimeSpan RetryUndeliveredEvery { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long disposing waits for each channel to drain its queue before abandoning what is left (it stays queued in the history).</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether starting the service resends deliveries left queued or failed by a previous process.</summary>
    public bool ResendOnStart { get; init; } = true;

    /// <summary>
    /// New alerts that may wait to be stored in the history; when that many are waiting, alerts below CRITICAL are refused
    /// and counted (<see cref="AlertCounters.Dropped"/>); CRITICAL and EMERGENCY alerts are always queued.
    /// </summary>
    public int HistoryQueueCapacity { get; init; } = 10_000;

    /// <summary>Steps for unacknowledged CRITICAL/EMERGENCY alerts, in order of <see cref="EscalationStep.After"/>.</summary>
    public IReadOnlyList<EscalationStep> Escalation { get; init; } = [];

    /// <summary>
    /// The configuration used with no <c>alerts.json</c>: a CONSOLE channel (stderr) and a FILE channel writing
    /// <c>alerts/alerts.jsonl</c> under <paramref name="workspaceRoot"/>.
    /// </summary>
    public static AlertsConfig Default(string workspaceRoot) => new()
    {
        Channels =
        [
            new AlertChannelConfig { Name = "console", Type = AlertChannelType.Console },
            new AlertChannelConfig
            {
                Name = "file", Type = AlertChannelType.File,
                Path = System.IO.Path.Combine(System.IO.Path.GetFullPath(workspaceRoot), "alerts", "alerts.jsonl"),
            },
        ],
    };
}
