namespace ResearchPlatform.Engine.Resilience;

/// <summary>
/// A supervised component made of a health probe: the probe runs every <paramref name="interval"/> (timed by
/// <paramref name="time"/>); a probe that throws or answers an error text faults the component, so the resilience
/// manager restarts (re-probes) it with backoff and escalates it past the limit.
/// </summary>
internal sealed class HealthProbeComponent(string name, Func<CancellationToken, Task<string?>> probe, TimeSpan interval, TimeProvider time) : ISupervisedComponent
{
    public string Name => name;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await probe(cancellationToken) is { } error)
            {
                throw new InvalidOperationException($"health probe of {name} failed: {error}");
            }

            await Task.Delay(interval, time, cancellationToken);
        }
    }
}
