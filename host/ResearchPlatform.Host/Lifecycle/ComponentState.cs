namespace ResearchPlatform.Host.Lifecycle;

/// <summary>One component's current status, as published in health and on the event stream.</summary>
public sealed record ComponentState(string Name, ComponentKind Kind, ComponentTier Tier, ComponentStatus Status, string? Reason, DateTimeOffset Since);
