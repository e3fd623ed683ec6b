namespace ResearchPlatform.Engine.Alerts.Configuration;

/// <summary>
/// How a channel retries one delivery: up to <paramref name="MaxAttempts"/> attempts, exponential backoff from
/// <paramref name="InitialDelay"/> doubling up to <paramref name="MaxDelay"/>. A 429 with Retry-After waits what the
/// server asked for (capped at <paramref name="MaxDelay"/>).
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan InitialDelay, TimeSpan MaxDelay)
{
    /// <summary>5 attempts, 500 ms doubling up to 30 s.</summary>
    public static RetryPolicy Default { get; } = new(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2, 3, ...), or the server's ask when given.</summary>
    public TimeSpan DelayBefore(int nextAttempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : (asked > MaxDelay ? MaxDelay : asked);
        }

        var factor = Math.Pow(2, Math.Max(0, nextAttempt - 2));
        var ms = Math.Min(MaxDelay.TotalMilliseconds, InitialDelay.TotalMilliseconds * factor);
        return TimeSpan.FromMilliseconds(ms);
    }
}
