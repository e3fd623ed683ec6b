namespace ResearchPlatform.Sdk.Alerts;

/// <summary>
/// Where components raise alerts. <see cref="Publish"/> never blocks on delivery and never throws for a channel's
/// failure: delivery is asynchronous (the trading path must not wait for an SMTP server).
/// </summary>
public interface IAlertPublisher
{
    /// <summary>Queues <paramref name="alert"/> for throttling, history and delivery.</summary>
    void Publish(Alert alert);
}
