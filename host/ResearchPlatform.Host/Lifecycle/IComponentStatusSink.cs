namespace ResearchPlatform.Host.Lifecycle;

/// <summary>Where a running component reports a status change (e.g. a feed that went stale, then recovered).</summary>
public interface IComponentStatusSink
{
    void Report(string component, ComponentHealth health);
}
