using System.ComponentModel.DataAnnotations;

namespace ResearchPlatform.Host.Connections;

/// <summary>
/// One remote service's HTTP pipeline: base address, the bounds within which the optimizer adapts the per-attempt
/// timeout, retries and the circuit breaker. Section <c>Connections:Services:NAME</c> of the config.
/// </summary>
public sealed class RemoteServiceOptions
{
    [Required]
    public Uri? BaseAddress { get; set; }

    /// <summary>Per-attempt timeout before any latency was measured.</summary>
    public TimeSpan InitialTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Lower bound of the adapted timeout.</summary>
    public TimeSpan MinTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Upper bound of the adapted timeout.</summary>
    public TimeSpan MaxTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Adapted timeout = p95 latency x this, clamped to [min, max].</summary>
    [Range(1.0, 100.0)]
    public double TimeoutMultiplier { get; set; } = 3.0;

    [Range(0, 10)]
    public int Retries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Failure ratio over the sampling window that opens the breaker.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 4;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Every invalid field at once (empty when valid).</summary>
    public IReadOnlyList<string> Validate(string name)
    {
        var e = new List<string>();
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            e.Add($"Connections:Services:{name}:BaseAddress: an absolute URL is required");
        }

        if (MinTimeout < TimeSpan.FromMilliseconds(10) || MaxTimeout < MinTimeout || InitialTimeout < MinTimeout || InitialTimeout > MaxTimeout)
        {
            e.Add($"Connections:Services:{name}: timeouts must satisfy 10 ms <= MinTimeout <= InitialTimeout <= MaxTimeout");
        }

        if (BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || BreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            e.Add($"Connections:Services:{name}: breaker sampling and break durations must be >= 500 ms");
        }

        return e;
    }
}
