namespace ResearchPlatform.Engine.Execution.Retry;

/// <summary>
/// Retry policy for venue calls: exponential backoff <c>BaseDelay * 2^attempt</c> capped at <c>MaxDelay</c>, with
/// "equal jitter" (half fixed, half uniform from the seeded Random), or exactly the venue's Retry-After for a 429 that
/// states one. At most <c>MaxRetryAttempts</c> retries after the first try.
/// </summary>
internal sealed record ExchangeRetryOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetryAttempts { get; init; } = 5;

    /// <summary>Delay before the first retry (before jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Upper bound on any computed backoff (Retry-After is honoured even when longer).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Seed of the jitter Random.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Lists every invalid field at once; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxRetryAttempts is < 0 or > 20)
        {
            problems.Add("max_retry_attempts: must be 0..20");
        }

        if (BaseDelay <= TimeSpan.Zero)
        {
            problems.Add("base_delay: must be positive");
        }

        if (MaxDelay < BaseDelay)
        {
            problems.Add("max_delay: must be >= base_delay");
        }

        return problems;
    }
}
