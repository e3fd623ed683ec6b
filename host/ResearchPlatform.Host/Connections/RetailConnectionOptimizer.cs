using ResearchPlatform.Host.Lifecycle;

namespace ResearchPlatform.Host.Connections;

/// <summary>
/// Tracks latency and failures per endpoint of every remote service and adapts each service's per-attempt timeout
/// within its bounds: after a success it becomes p95 of recent successful latencies x the multiplier (once 5 samples
/// exist), after a timeout it grows by half, always clamped to [MinTimeout, MaxTimeout]. Also counts retries, breaker
/// openings and operation failures (it observes <see cref="TradingSystemManager"/> operations). Thread-safe.
/// </summary>
public sealed class RetailConnectionOptimizer(TimeProvider time) : IOperationObserver
{
    private const int Window = 200;
    private readonly Dictionary<string, ServiceState> _services = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, OperationState> _operations = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Declares a service and its bounds (called when its pipeline is built; repeated calls keep the state).</summary>
    public void Register(string service, RemoteServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_lock)
        {
            if (!_services.ContainsKey(service))
            {
                _services[service] = new ServiceState(options);
            }
        }
    }

    /// <summary>The per-attempt timeout to use now for <paramref name="service"/>.</summary>
    public TimeSpan TimeoutFor(string service)
    {
        lock (_lock)
        {
            return _services.TryGetValue(service, out var s) ? TimeSpan.FromMilliseconds(s.TimeoutMs) : TimeSpan.FromSeconds(10);
        }
    }

    /// <summary>Records one attempt.</summary>
    public void Record(string service, string endpoint, TimeSpan elapsed, bool succeeded, string? error)
    {
        lock (_lock)
        {
            if (!_services.TryGetValue(service, out var s))
            {
                return;
            }

            if (!s.Endpoints.TryGetValue(endpoint, out var e))
            {
                e = new EndpointState();
                s.Endpoints[endpoint] = e;
            }

            var ms = elapsed.TotalMilliseconds;
            e.Requests++;
            e.LastAt = time.GetUtcNow();
            e.Max = Math.Max(e.Max, ms);
            e.Add(ms);
            if (succeeded)
            {
                s.Add(ms);
                s.Adapt();
            }
            else
            {
                e.Failures++;
                e.LastError = error;
                if (error is not null && error.StartsWith("timeout", StringComparison.Ordinal))
                {
                    s.TimeoutMs = Math.Min(s.Options.MaxTimeout.TotalMilliseconds, s.TimeoutMs * 1.5);
                }
            }
        }
    }

    public void OnRetry(string service)
    {
        lock (_lock)
        {
            if (_services.TryGetValue(service, out var s))
            {
                s.Retries++;
            }
        }
    }

    public void OnBreaker(string service, bool opened)
    {
        lock (_lock)
        {
            if (_services.TryGetValue(service, out var s))
            {
                s.BreakerOpen = opened;
                s.BreakerOpenings += opened ? 1 : 0;
            }
        }
    }

    public void OnOperation(string name, TimeSpan elapsed, bool succeeded, string? error)
    {
        lock (_lock)
        {
            if (!_operations.TryGetValue(name, out var o))
            {
                o = new OperationState();
                _operations[name] = o;
            }

            o.Count++;
            o.Consecutive = succeeded ? 0 : o.Consecutive + 1;
            if (!succeeded)
            {
                o.Failures++;
                o.LastError = error;
            }
        }
    }

    /// <summary>Figures of every service and operation.</summary>
    public ConnectionReport Snapshot()
    {
        lock (_lock)
        {
            var services = _services.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
            {
                var s = kv.Value;
                var endpoints = s.Endpoints.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
                {
                    var sorted = e.Value.Sorted();
                    return new EndpointStats(kv.Key, e.Key, e.Value.Requests, e.Value.Failures, OperationRecorder.Percentile(sorted, 0.5), OperationRecorder.Percentile(sorted, 0.95), e.Value.Max, s.TimeoutMs, e.Value.LastError, e.Value.LastAt);
                }).ToList();
                return new ServiceConnectionStats(kv.Key, s.Options.BaseAddress?.ToString() ?? string.Empty, s.TimeoutMs, s.Options.MinTimeout.TotalMilliseconds, s.Options.MaxTimeout.TotalMilliseconds, s.Retries, s.BreakerOpen, s.BreakerOpenings, endpoints);
            }).ToList();
            var operations = _operations.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new OperationFailureStats(kv.Key, kv.Value.Count, kv.Value.Failures, kv.Value.Consecutive, kv.Value.LastError)).ToList();
            return new ConnectionReport(services, operations);
        }
    }

    private class Samples
    {
        private readonly double[] _ring = new double[Window];
        private int _next;
        private int _filled;

        public int Count => _filled;

        public void Add(double ms)
        {
            _ring[_next] = ms;
            _next = (_next + 1) % Window;
            _filled = Math.Min(_filled + 1, Window);
        }

        public double[] Sorted()
        {
            var a = _ring.AsSpan(0, _filled).ToArray();
            Array.Sort(a);
            return a;
        }
    }

    private sealed class ServiceState(RemoteServiceOptions options) : Samples
    {
        public RemoteServiceOptions Options { get; } = options;

        public Dictionary<string, EndpointState> Endpoints { get; } = new(StringComparer.Ordinal);

        public double TimeoutMs { get; set; } = options.InitialTimeout.TotalMilliseconds;

        public long Retries { get; set; }

        public bool BreakerOpen { get; set; }

        public long BreakerOpenings { get; set; }

        public void Adapt()
        {
            if (Count < 5)
            {
                return;
            }

            var p95 = OperationRecorder.Percentile(Sorted(), 0.95);
            TimeoutMs = Math.Clamp(p95 * Options.TimeoutMultiplier, Options.MinTimeout.TotalMilliseconds, Options.MaxTimeout.TotalMilliseconds);
        }
    }

    private sealed class EndpointState : Samples
    {
        public long Requests { get; set; }

        public long Failures { get; set; }

        public double Max { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset? LastAt { get; set; }
    }

    private sealed class OperationState
    {
        public long Count { get; set; }

        public long Failures { get; set; }

        public long Consecutive { get; set; }

        public string? LastError { get; set; }
    }
}
