using ResearchPlatform.Host.Lifecycle;

namespace ResearchPlatform.Host.Service.Views;

/// <summary>GET /api/health.</summary>
internal sealed record HealthView(
    bool Healthy,
    double HealthScore,
    double Threshold,
    string Mode,
    DateTimeOffset StartedAt,
    bool LiveTradingBlocked,
    string? BlockedReason,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ComponentView> Components)
{
    public static HealthView Of(HealthReport h) =>
        new(h.Healthy, Math.Round(h.HealthScore, 4), h.Threshold, h.Mode.ToString().ToLowerInvariant(), h.StartedAt, h.LiveTradingBlocked, h.BlockedReason, h.Warnings, [.. h.Components.Select(ComponentView.Of)]);
}
