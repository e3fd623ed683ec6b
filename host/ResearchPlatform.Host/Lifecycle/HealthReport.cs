namespace ResearchPlatform.Host.Lifecycle;

/// <summary>
/// The system's health: score = connected / total, healthy when score >= threshold; live trading blocked (with the
/// reason) when a critical component is not connected in live mode, or after an emergency stop.
/// </summary>
public sealed record HealthReport(
    bool Healthy,
    double HealthScore,
    double Threshold,
    TradingMode Mode,
    DateTimeOffset StartedAt,
    bool LiveTradingBlocked,
    string? BlockedReason,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ComponentState> Components);
