using ResearchPlatform.Host.Lifecycle;

namespace ResearchPlatform.Host.Tests.Lifecycle;

/// <summary>A component whose start outcome, delay and stop behaviour a test sets; it records into a shared journal.</summary>
internal sealed class FakeComponent(string name, ComponentTier tier, List<string> journal, ComponentKind kind = ComponentKind.Critical) : IManagedComponent
{
    public string Name => name;

    public ComponentKind Kind => kind;

    public ComponentTier Tier => tier;

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public ComponentHealth Outcome { get; init; } = ComponentHealth.Connected;

    public TimeSpan StartDelay { get; init; }

    public Exception? StartThrows { get; init; }

    public Exception? StopThrows { get; init; }

    public TimeSpan StopDelay { get; init; }

    public async Task<ComponentHealth> StartAsync(IComponentStatusSink status, CancellationToken cancellationToken)
    {
        lock (journal)
        {
            journal.Add("start " + name);
        }

        if (StartDelay > TimeSpan.Zero)
        {
            await Task.Delay(StartDelay, cancellationToken);
        }

        return StartThrows is not null ? throw StartThrows : Outcome;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (journal)
        {
            journal.Add("stop " + name);
        }

        if (StopDelay > TimeSpan.Zero)
        {
            await Task.Delay(StopDelay, cancellationToken);
        }

        if (StopThrows is not null)
        {
            throw StopThrows;
        }
    }
}
