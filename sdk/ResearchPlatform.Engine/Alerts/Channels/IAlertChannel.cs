namespace ResearchPlatform.Engine.Alerts.Channels;

/// <summary>
/// One delivery target. <see cref="DeliverAsync"/> either completes (delivered) or throws
/// <see cref="AlertDeliveryException"/> saying whether a retry may help; the worker owns retries and timing.
/// </summary>
public interface IAlertChannel
{
    /// <summary>The configured channel name.</summary>
    string Name { get; }

    /// <summary>Delivers one notice.</summary>
    Task DeliverAsync(AlertNotice notice, CancellationToken ct);
}
