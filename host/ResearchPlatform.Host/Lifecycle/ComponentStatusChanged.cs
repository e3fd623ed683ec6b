namespace ResearchPlatform.Host.Lifecycle;

/// <summary>A status transition of one component (previous status null on the first report).</summary>
public sealed record ComponentStatusChanged(ComponentState Current, ComponentStatus? Previous);
