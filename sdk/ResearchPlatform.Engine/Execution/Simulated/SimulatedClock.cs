namespace ResearchPlatform.Engine.Execution.Simulated;

/// <summary>
/// A <see cref="TimeProvider"/> for simulations and tests: time moves only when told (<see cref="Advance"/>,
/// <see cref="AdvanceTo"/>) or when something waits. A one-shot timer (what <c>Task.Delay</c> and Polly's retry delay
/// use) moves the clock forward to its due time and fires at once, so backoff and Retry-After waits cost no wall time
/// yet are visible in the simulated time. Periodic timers are not supported.
/// </summary>
internal sealed class SimulatedClock : TimeProvider
{
    private long _utcTicks;

    public SimulatedClock(DateTimeOffset start)
    {
        _utcTicks = start.UtcTicks;
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <inheritdoc />
    public override long GetTimestamp() => Interlocked.Read(ref _utcTicks);

    /// <summary>Moves time forward by <paramref name="delta"/> (negative deltas are ignored).</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta > TimeSpan.Zero)
        {
            Interlocked.Add(ref _utcTicks, delta.Ticks);
        }
    }

    /// <summary>Moves time forward to <paramref name="time"/>; never backwards.</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        var target = time.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _utcTicks);
            if (target <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _utcTicks, target, current) != current);
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
        {
            throw new NotSupportedException("SimulatedClock supports one-shot timers only");
        }

        var timer = new InstantTimer();
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Advance(dueTime);
            ThreadPool.UnsafeQueueUserWorkItem(_ => timer.Fire(callback, state), null);
        }

        return timer;
    }

    private sealed class InstantTimer : ITimer
    {
        private int _disposed;

        public void Fire(TimerCallback callback, object? state)
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose() => Interlocked.Exchange(ref _disposed, 1);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
