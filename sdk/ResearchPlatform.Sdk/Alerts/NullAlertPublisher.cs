namespace ResearchPlatform.Sdk.Alerts;

/// <summary>An <see cref="IAlertPublisher"/> that drops alerts, for tools that run without alerting configured.</summary>
public sealed class NullAlertPublisher : IAlertPublisher
{
    /// <summary>The shared instance.</summary>
    public static NullAlertPublisher Instance { get; } = new();

    private NullAlertPublisher()
    {
    }

    /// <inheritdoc />
    public void Publish(Alert alert)
    {
    }
}
