namespace ResearchPlatform.Engine.Execution.Simulated;

/// <summary>
/// Fault injection rates for the simulated venue, each a probability 0..1 drawn from a Random seeded with
/// <see cref="Seed"/>. Request faults apply to place/cancel/modify (and to queries when <see cref="IncludeQueries"/>):
/// a timeout loses the request before it is applied; a dropped ack applies it and then times out; 429 and 5xx refuse
/// it before it is applied. Stream faults: a duplicate fill repeats a fill event; out-of-order delays an event until
/// after the next one.
/// </summary>
internal sealed record VenueFaultOptions
{
    public double TimeoutRate { get; init; }

    public double DroppedAckRate { get; init; }

    public double RateLimitRate { get; init; }

    public double ServerErrorRate { get; init; }

    public double DuplicateFillRate { get; init; }

    public double OutOfOrderRate { get; init; }

    /// <summary>The Retry-After a 429 carries.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether status/fill/position queries also fail at the request rates.</summary>
    public bool IncludeQueries { get; init; } = true;

    public int Seed { get; init; } = 11;

    /// <summary>No faults.</summary>
    public static VenueFaultOptions None { get; } = new();

    /// <summary>Every rate at <paramref name="rate"/>.</summary>
    public static VenueFaultOptions All(double rate, int seed) => new()
    {
        TimeoutRate = rate,
        DroppedAckRate = rate,
        RateLimitRate = rate,
        ServerErrorRate = rate,
        DuplicateFillRate = rate,
        OutOfOrderRate = rate,
        Seed = seed,
    };

    /// <summary>Lists every invalid field at once.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Check(problems, "timeout_rate", TimeoutRate);
        Check(problems, "dropped_ack_rate", DroppedAckRate);
        Check(problems, "rate_limit_rate", RateLimitRate);
        Check(problems, "server_error_rate", ServerErrorRate);
        Check(problems, "duplicate_fill_rate", DuplicateFillRate);
        Check(problems, "out_of_order_rate", OutOfOrderRate);
        if (TimeoutRate + DroppedAckRate + RateLimitRate + ServerErrorRate > 1)
        {
            problems.Add("request fault rates: must add up to at most 1");
        }

        return problems;
    }

    private static void Check(List<string> problems, string field, double rate)
    {
        if (rate is < 0 or > 1 || double.IsNaN(rate))
        {
            problems.Add($"{field}: must be within 0..1");
        }
    }
}
