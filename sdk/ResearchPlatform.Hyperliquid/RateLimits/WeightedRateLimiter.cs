namespace ResearchPlatform.Hyperliquid.RateLimits;

/// <summary>
/// Client-side weighted budget (token bucket): <c>capacity</c> weight refilled continuously over <c>window</c>
/// (exchange: 1,200 per minute per IP). A request waits until its weight is available; weight charged after the fact
/// (extra weight per items returned) may drive the balance negative, delaying later requests. Thread-safe.
/// </summary>
public sealed class WeightedRateLimiter
{
    private readonly TimeProvider _time;
    private readonly double _capacity;
    private readonly double _perTick;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _lastTimestamp;

    public WeightedRateLimiter(int capacity, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _time = time;
        _capacity = capacity;
        _perTick = capacity / (double)window.Ticks;
        _tokens = capacity;
        _lastTimestamp = time.GetTimestamp();
    }

    /// <summary>Total weight charged so far.</summary>
    public long Charged { get; private set; }

    /// <summary>Takes <paramref name="weight"/> now and returns zero, or returns how long to wait before trying again.</summary>
    public TimeSpan TryAcquire(int weight)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens >= Math.Min(weight, _capacity))
            {
                _tokens -= weight;
                Charged += weight;
                return TimeSpan.Zero;
            }

            var missing = Math.Min(weight, _capacity) - _tokens;
            return TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(missing / _perTick)));
        }
    }

    /// <summary>Waits until <paramref name="weight"/> is available and takes it.</summary>
    public async Task AcquireAsync(int weight, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryAcquire(weight);
            if (wait == TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <summary>Charges weight after a response (may go negative).</summary>
    public void Charge(int weight)
    {
        if (weight <= 0)
        {
            return;
        }

        lock (_gate)
        {
            Refill();
            _tokens -= weight;
            Charged += weight;
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastTimestamp, now);
        _lastTimestamp = now;
        _tokens = Math.Min(_capacity, _tokens + (elapsed.Ticks * _perTick));
    }
}
