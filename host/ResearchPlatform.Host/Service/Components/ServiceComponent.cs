using ResearchPlatform.Host.Lifecycle;

namespace ResearchPlatform.Host.Service.Components;

/// <summary>A managed component made of a start and an optional stop function (the service's components are thin).</summary>
internal sealed class ServiceComponent(
    string name,
    ComponentKind kind,
    ComponentTier tier,
    Func<IComponentStatusSink, CancellationToken, Task<ComponentHealth>> start,
    Func<CancellationToken, Task>? stop = null,
    TimeSpan? startTimeout = null,
    TimeSpan? stopTimeout = null) : IManagedComponent
{
    public string Name => name;

    public ComponentKind Kind => kind;

    public ComponentTier Tier => tier;

    public TimeSpan StartTimeout => startTimeout ?? TimeSpan.FromSeconds(10);

    public TimeSpan StopTimeout => stopTimeout ?? TimeSpan.FromSeconds(5);

    public Task<ComponentHealth> StartAsync(IComponentStatusSink status, CancellationToken cancellationToken) => start(status, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => stop?.Invoke(cancellationToken) ?? Task.CompletedTask;
}
