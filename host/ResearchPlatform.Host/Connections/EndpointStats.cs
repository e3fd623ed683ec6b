namespace ResearchPlatform.Host.Connections;

/// <summary>Measured figures of one endpoint (service + path) and the service's current adapted timeout.</summary>
public sealed record EndpointStats(
    string Service,
    string Endpoint,
    long Requests,
    long Failures,
    double P50Ms,
    double P95Ms,
    double MaxMs,
    double TimeoutMs,
    string? LastError,
    DateTimeOffset? LastAt);
