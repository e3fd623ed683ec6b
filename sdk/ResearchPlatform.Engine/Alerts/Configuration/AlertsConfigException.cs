namespace ResearchPlatform.Engine.Alerts.Configuration;

/// <summary>Invalid alert configuration; <see cref="Errors"/> names every bad field at once.</summary>
public sealed class AlertsConfigException : Exception
{
    public AlertsConfigException(IReadOnlyList<string> errors)
        : base("invalid alert configuration: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public AlertsConfigException()
        : this([])
    {
    }

    public AlertsConfigException(string message)
        : this([message])
    {
    }

    public AlertsConfigException(string message, Exception inner)
        : base(message, inner)
    {
        Errors = [message];
    }

    /// <summary>One message per invalid field, each starting with the field's path.</summary>
    public IReadOnlyList<string> Errors { get; } = [];
}
