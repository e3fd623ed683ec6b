namespace ResearchPlatform.Engine.Resilience.Disaster;

/// <summary>
/// When the venue counts as unreachable: <see cref="FailureLimit"/> consecutive failed probes (an error or no answer
/// within <see cref="ProbeTimeout"/>), or failures for <see cref="UnreachableAfter"/> since the first of the streak,
/// whichever comes first. Probes run every <see cref="ProbeInterval"/>.
/// </summary>
internal sealed record DisasterModeOptions
{
    public int FailureLimit { get; init; } = 3;

    public TimeSpan UnreachableAfter { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Lists every invalid field at once; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (FailureLimit < 1)
        {
            problems.Add("failure_limit: must be at least 1");
        }

        if (UnreachableAfter <= TimeSpan.Zero)
        {
            problems.Add("unreachable_after: must be positive");
        }

        if (ProbeInterval <= TimeSpan.Zero)
        {
            problems.Add("probe_interval: must be positive");
        }

        if (ProbeTimeout <= TimeSpan.Zero)
        {
            problems.Add("probe_timeout: must be positive");
        }

        return problems;
    }
}
