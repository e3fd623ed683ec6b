namespace ResearchPlatform.Engine.Data.FearGreed;

/// <summary>
/// One day of the Crypto Fear &amp; Greed index (0 = extreme fear, 100 = extreme greed). The value for
/// <see cref="Date"/> is stamped 00:00 UTC but published during that day: use it for decisions only from
/// <see cref="AvailableAt"/> (the next day 00:00 UTC) to avoid look-ahead.
/// </summary>
public sealed record FearGreedPoint(DateOnly Date, int Value, string Classification)
{
    /// <summary>The first moment the value is known for sure: the end of <see cref="Date"/> (next day 00:00 UTC).</summary>
    public DateTimeOffset AvailableAt => new(Date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
