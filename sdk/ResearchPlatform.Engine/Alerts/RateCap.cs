namespace ResearchPlatform.Engine.Alerts;

/// <summary>At most N events in any sliding minute (timestamps from the injected clock).</summary>
internal sealed class RateCap(int perMinute, TimeProvider time)
{
    private readonly Queue<DateTimeOffset> _recent = new();

    /// <summary>Takes a slot when one is free.</summary>
    public bool TryTake()
    {
        var now = time.GetUtcNow();
        while (_recent.Count > 0 && now - _recent.Peek() >= TimeSpan.FromMinutes(1))
        {
            _recent.Dequeue();
        }

        if (_recent.Count >= perMinute)
        {
            return false;
        }

        _recent.Enqueue(now);
        return true;
    }
}
