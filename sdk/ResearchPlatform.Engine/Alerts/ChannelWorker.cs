using System.Threading.Channels;
using ResearchPlatform.Engine.Alerts.Channels;
using ResearchPlatform.Engine.Alerts.Configuration;

namespace ResearchPlatform.Engine.Alerts;

/// <summary>
/// One channel's delivery loop: a bounded queue and one worker task, so a slow or failing channel delays only itself.
/// Each notice is tried up to the retry policy's attempts with backoff (429 waits Retry-After); the outcome is recorded
/// per attempt in the store. A notice still failing, or refused by a full queue, is kept as <c>failed</c> and resent by
/// <see cref="AlertService.RetryUndeliveredAsync"/>. Over the per-minute cap a notice is recorded <c>rate_limited</c>.
/// Outcomes are buffered and stored in one transaction whenever the queue runs empty (or every <see cref="FlushEvery"/>
/// notices, and before a retry waits), so a burst costs one commit per batch; a notice counts as outstanding until its
/// outcome is stored.
/// </summary>
internal sealed class ChannelWorker : IAsyncDisposable
{
    private readonly IAlertChannel _channel;
    private readonly AlertChannelConfig _config;
    private readonly AlertStore _store;
    private readonly AlertCounters _counters;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _time;
    private readonly Channel<(AlertNotice Notice, int PreviousAttempts)> _queue;
    private readonly RateCap _cap;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<DeliveryRecord> _records = [];
    private int _finished;
    private int _outstanding;

    /// <summary>Most outcomes buffered before they are stored.</summary>
    public const int FlushEvery = 256;

    public ChannelWorker(IAlertChannel channel, AlertChannelConfig config, AlertStore store, AlertCounters counters, SecretRedactor redactor, TimeProvider time)
    {
        _channel = channel;
        _config = config;
        _store = store;
        _counters = counters;
        _redactor = redactor;
        _time = time;
        _cap = new RateCap(config.RateLimitPerMinute, time);
        _queue = Channel.CreateBounded<(AlertNotice, int)>(new BoundedChannelOptions(config.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    public string Name => _channel.Name;

    public AlertChannelConfig Config => _config;

    /// <summary>Notices queued or in delivery.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>
    /// Queues a notice (never waits); a full queue records it as failed for the retry timer. <paramref name="queuedRecorded"/>:
    /// the <c>queued</c> delivery row was already stored (with the alert's batch); then a refusal is not stored here but
    /// returned (null when queued) for the caller to store with others.
    /// </summary>
    public DeliveryRecord? Enqueue(AlertNotice notice, int previousAttempts = 0, bool queuedRecorded = false)
    {
        Interlocked.Increment(ref _outstanding);
        if (!queuedRecorded)
        {
            _store.RecordDelivery(notice.Id, Name, notice.EscalationStage, "queued", previousAttempts, null, _time.GetUtcNow());
        }

        if (_queue.Writer.TryWrite((notice, previousAttempts)))
        {
            return null;
        }

        Interlocked.Decrement(ref _outstanding);
        _counters.CountDelivery(Name, "failed");
        var refused = new DeliveryRecord(notice.Id, Name, notice.EscalationStage, "failed", previousAttempts, "queue full", _time.GetUtcNow());
        if (!queuedRecorded)
        {
            _store.RecordDeliveries([refused]);
        }

        return refused;
    }

    public ValueTask DisposeAsync() => DisposeAsync(TimeSpan.FromSeconds(5));

    /// <summary>Stops taking notices, waits up to <paramref name="grace"/> for the queue to drain, then cancels.</summary>
    public async ValueTask DisposeAsync(TimeSpan grace)
    {
        _queue.Writer.TryComplete();
        var finished = await Task.WhenAny(_loop, Task.Delay(grace, CancellationToken.None));
        await _stop.CancelAsync();
        if (finished == _loop)
        {
            await _loop;
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token))
            {
                while (_queue.Reader.TryRead(out var item))
                {
                    try
                    {
                        await DeliverAsync(item.Notice, item.PreviousAttempts, _stop.Token);
                    }
                    finally
                    {
                        _finished++;
                    }

                    if (_records.Count >= FlushEvery)
                    {
                        StoreRecords();
                    }
                }

                StoreRecords();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Shutting down: what is still queued stays 'queued' in the store and is resent on the next start.
        }
        finally
        {
            StoreRecords();
        }
    }

    /// <summary>Stores the buffered outcomes (the last state per delivery) in one transaction, then releases their notices.</summary>
    private void StoreRecords()
    {
        try
        {
            if (_records.Count > 0)
            {
                var last = new Dictionary<(string, int), int>();
                for (var i = 0; i < _records.Count; i++)
                {
                    last[(_records[i].AlertId, _records[i].Stage)] = i;
                }

                _store.RecordDeliveries([.. last.Values.Order().Select(i => _records[i])]);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Delivery already happened; losing its record must not stop the worker (the retry timer may resend it).
        }
        finally
        {
            _records.Clear();
            Interlocked.Add(ref _outstanding, -_finished);
            _finished = 0;
        }
    }

    private async Task DeliverAsync(AlertNotice notice, int previous, CancellationToken ct)
    {
        if (!_cap.TryTake())
        {
            Record(notice, "rate_limited", previous, $"over {_config.RateLimitPerMinute} per minute");
            return;
        }

        var policy = _config.Retry;
        string? lastError = null;
        for (var attempt = 1; attempt <= policy.MaxAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            var retryable = true;
            try
            {
                using var timeout = new CancellationTokenSource(_config.Timeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
                try
                {
                    await _channel.DeliverAsync(notice, linked.Token);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    throw new AlertDeliveryException($"timed out after {_config.Timeout.TotalMilliseconds:0} ms", retryable: true);
                }

                Record(notice, "delivered", previous + attempt, null);
                return;
            }
            catch (AlertDeliveryException ex)
            {
                lastError = _redactor.Redact(ex.Message);
                retryable = ex.Retryable;
                retryAfter = ex.RetryAfter;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                lastError = _redactor.Redact(ex.GetType().Name + ": " + ex.Message);
            }

            if (!retryable || attempt == policy.MaxAttempts)
            {
                Record(notice, "failed", previous + attempt, lastError);
                return;
            }

            _counters.CountDelivery(Name, "retried");
            _records.Add(new DeliveryRecord(notice.Id, Name, notice.EscalationStage, "queued", previous + attempt, lastError, _time.GetUtcNow()));
            StoreRecords();
            await Task.Delay(policy.DelayBefore(attempt + 1, retryAfter), _time, ct);
        }
    }

    private void Record(AlertNotice notice, string status, int attempts, string? error)
    {
        _records.Add(new DeliveryRecord(notice.Id, Name, notice.EscalationStage, status, attempts, error, _time.GetUtcNow()));
        _counters.CountDelivery(Name, status);
    }
}
