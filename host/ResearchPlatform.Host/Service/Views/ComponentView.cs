using ResearchPlatform.Host.Lifecycle;

namespace ResearchPlatform.Host.Service.Views;

/// <summary>A component as the API shows it (kind and status as in the contract: critical/optional, CONNECTED...).</summary>
internal sealed record ComponentView(string Name, string Kind, string Tier, string Status, string? Reason, DateTimeOffset Since)
{
    public static ComponentView Of(ComponentState s) =>
        new(s.Name, s.Kind.ToString().ToLowerInvariant(), s.Tier.ToString().ToLowerInvariant(), TradingSystemManager.Upper(s.Status), s.Reason, s.Since);
}
