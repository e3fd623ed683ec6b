namespace ResearchPlatform.Host.Lifecycle;

/// <summary>A status with its reason (null when there is nothing to say).</summary>
/// <param name="Status">The status.</param>
/// <param name="Reason">Why (required for DEGRADED and ERROR).</param>
public sealed record ComponentHealth(ComponentStatus Status, string? Reason = null)
{
    public static ComponentHealth Connected { get; } = new(ComponentStatus.Connected);

    public static ComponentHealth Degraded(string reason) => new(ComponentStatus.Degraded, reason);

    public static ComponentHealth Failed(string reason) => new(ComponentStatus.Error, reason);
}
