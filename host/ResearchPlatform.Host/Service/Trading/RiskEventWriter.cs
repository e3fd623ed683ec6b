using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Engine.Risk.Events;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// Stores the service's risk events in <c>risk_events</c> (source kind <c>serve</c>) off the replay path: events are
/// queued and appended in batches about once a second through <see cref="WorkspaceDb"/> (opened per batch), and the
/// rest is written when the replay stops. A database error is logged and the batch dropped; trading never waits on it.
/// </summary>
internal sealed class RiskEventWriter(WorkspaceDb db, ILogger log)
{
    private static readonly TimeSpan BatchEvery = TimeSpan.FromSeconds(1);
    private readonly Channel<(string Source, RiskBacktestEvent Event)> _queue = Channel.CreateUnbounded<(string, RiskBacktestEvent)>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _loop;
    private long _written;

    /// <summary>Events stored so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    public void Start() => _loop ??= Task.Run(RunAsync);

    public void Enqueue(string source, RiskBacktestEvent e) => _queue.Writer.TryWrite((source, e));

    /// <summary>Writes what is queued and stops.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.WaitAsync(ct);
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            await Task.Delay(BatchEvery);
            var batch = new List<(string Source, RiskBacktestEvent Event)>();
            while (reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await db.UseAsync(d =>
                {
                    var store = new RiskEventStore(d);
                    foreach (var group in batch.GroupBy(b => b.Source, StringComparer.Ordinal))
                    {
                        store.Append(RiskEventStore.Serve, group.Key, [.. group.Select(g => g.Event)]);
                    }

                    return batch.Count;
                }, CancellationToken.None);
                Interlocked.Add(ref _written, batch.Count);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or DuckDB.NET.Data.DuckDBException)
            {
                log.LogWarning("risk events: {Count} not stored: {Error}", batch.Count, ex.Message);
            }
        }
    }
}
