namespace ResearchPlatform.Host.Lifecycle;

/// <summary>The status a managed component reports (shown upper-case in the API: CONNECTING, CONNECTED, ...).</summary>
public enum ComponentStatus
{
    Connecting,
    Connected,
    Degraded,
    Error,
}
