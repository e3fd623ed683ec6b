namespace ResearchPlatform.Host.Connections;

/// <summary>One remote service: its adapted timeout and bounds, retries, breaker state and per-endpoint figures.</summary>
public sealed record ServiceConnectionStats(
    string Service,
    string BaseAddress,
    double TimeoutMs,
    double MinTimeoutMs,
    double MaxTimeoutMs,
    long Retries,
    bool BreakerOpen,
    long BreakerOpenings,
    IReadOnlyList<EndpointStats> Endpoints);
