namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>A clock that moves only when the test tells it to: makes budgets, cooldowns and day boundaries testable.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _ticks;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The current time; setting it moves the clock (forwards or backwards).</summary>
    public DateTimeOffset Now
    {
        get => start.AddTicks(Interlocked.Read(ref _ticks));
        set => Interlocked.Exchange(ref _ticks, (value - start).Ticks);
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
