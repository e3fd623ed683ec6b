using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Simulated;

/// <summary>Every adapter call of the simulated venue: outage, latency, expiry of due GTD orders and injected faults, under the venue's lock.</summary>
internal sealed partial class SimulatedVenue
{
    private ValueTask<T> Query<T>(string what, Func<T> read) => Run(what, isQuery: true, read);

    private ValueTask<T> Command<T>(string what, Func<T> apply) => Run(what, isQuery: false, apply);

    private ValueTask<T> Run<T>(string what, bool isQuery, Func<T> body)
    {
        if (Unreachable)
        {
            return ValueTask.FromException<T>(new ExchangeException(ExchangeErrorKind.Timeout, $"{what}: venue unreachable (simulated outage)"));
        }

        try
        {
            lock (_gate)
            {
                AdvanceLatency();
                ExpireDue(_time.GetUtcNow());
                var dropAck = _faults.BeforeRequest(what, isQuery);
                var result = body();
                return dropAck ? ValueTask.FromException<T>(VenueFaultInjector.DroppedAck(what)) : ValueTask.FromResult(result);
            }
        }
        catch (ExchangeException ex)
        {
            return ValueTask.FromException<T>(ex);
        }
    }

    private void AdvanceLatency()
    {
        if (_time is SimulatedClock clock)
        {
            var jitterTicks = (long)(_latency.NextDouble() * _options.LatencyJitter.Ticks);
            clock.Advance(_options.LatencyFixed + TimeSpan.FromTicks(jitterTicks));
        }
    }
}
