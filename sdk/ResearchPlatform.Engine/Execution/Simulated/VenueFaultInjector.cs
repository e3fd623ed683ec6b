using System.Threading.Channels;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Simulated;

/// <summary>
/// Draws the simulated venue's faults from a seeded Random and owns the execution-event channel, where it repeats
/// fills and delays events. Not thread-safe: the venue calls it under its lock.
/// </summary>
internal sealed class VenueFaultInjector
{
    private readonly VenueFaultOptions _options;
    private readonly Random _random;
    private readonly Channel<ExecutionEvent> _events = Channel.CreateUnbounded<ExecutionEvent>();
    private ExecutionEvent? _held;
    private long _timeouts, _dropped, _limited, _serverErrors, _duplicates, _reordered;

    public VenueFaultInjector(VenueFaultOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    public ChannelReader<ExecutionEvent> Events => _events.Reader;

    public VenueFaultCounts Counts => new(_timeouts, _dropped, _limited, _serverErrors, _duplicates, _reordered);

    /// <summary>Throws a timeout, 429 or 5xx before the request is applied; returns true when its ack must be dropped.</summary>
    public bool BeforeRequest(string what, bool isQuery)
    {
        if (isQuery && !_options.IncludeQueries)
        {
            return false;
        }

        var u = _random.NextDouble();
        if ((u -= _options.TimeoutRate) < 0)
        {
            _timeouts++;
            throw new ExchangeException(ExchangeErrorKind.Timeout, $"{what}: request timed out (simulated)");
        }

        if ((u -= _options.RateLimitRate) < 0)
        {
            _limited++;
            throw new ExchangeException(ExchangeErrorKind.RateLimited, $"{what}: 429 too many requests (simulated)", _options.RetryAfter);
        }

        if ((u -= _options.ServerErrorRate) < 0)
        {
            _serverErrors++;
            throw new ExchangeException(ExchangeErrorKind.ServerError, $"{what}: 503 service unavailable (simulated)");
        }

        if ((u -= _options.DroppedAckRate) < 0)
        {
            _dropped++;
            return true;
        }

        return false;
    }

    /// <summary>The exception for an ack lost after the request was applied.</summary>
    public static ExchangeException DroppedAck(string what) =>
        new(ExchangeErrorKind.Timeout, $"{what}: response lost after the venue applied the request (simulated)");

    /// <summary>Publishes an event, possibly repeating a fill or holding the event back behind the next one.</summary>
    public void Publish(ExecutionEvent e)
    {
        if (_held is null && _random.NextDouble() < _options.OutOfOrderRate)
        {
            _reordered++;
            _held = e;
            return;
        }

        Write(e);
        if (_held is { } held)
        {
            _held = null;
            Write(held);
        }
    }

    /// <summary>Releases an event held back for reordering (when nothing else is coming).</summary>
    public void ReleaseHeld()
    {
        if (_held is { } held)
        {
            _held = null;
            Write(held);
        }
    }

    private void Write(ExecutionEvent e)
    {
        _events.Writer.TryWrite(e);
        if (e is OrderFilled && _random.NextDouble() < _options.DuplicateFillRate)
        {
            _duplicates++;
            _events.Writer.TryWrite(e);
        }
    }
}
