using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Host.Commands.Paper.Testnet;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// Cancels live strategies' open orders at the venue while the live loop is stopped (emergency stop, a strategy stopped
/// or leaving the live stage): each journal is replayed and reconciled with the venue by cloid first (orders an earlier
/// process placed included), then every order still open is cancelled, journaled. A venue that does not answer leaves
/// them for the reconciliation at the next start (logged).
/// </summary>
internal static class LiveCancels
{
    public static async Task<int> CancelOpenOrdersAsync(CloidMappedAdapter adapter, IReadOnlyList<(string Id, string JournalPath, string Prefix)> strategies, TimeProvider time, ILogger log)
    {
        var cancelled = 0;
        foreach (var (id, path, prefix) in strategies.Where(s => File.Exists(s.JournalPath)))
        {
            using var journal = new FileOrderJournal(path);
            foreach (var clientId in journal.ReadAll().Select(e => e.ClientOrderId).Distinct(StringComparer.Ordinal))
            {
                adapter.Register(clientId);
            }

            var manager = new OrderManager(adapter, journal, new OrderManagerOptions { ClientIdPrefix = prefix }, time);
            try
            {
                await manager.StartAsync(CancellationToken.None);
                foreach (var o in manager.Orders.Where(o => !o.IsTerminal).ToList())
                {
                    cancelled += await manager.CancelAsync(o.ClientOrderId, CancellationToken.None) ? 1 : 0;
                }
            }
            catch (Exception ex) when (ex is ExchangeException or HttpRequestException or TimeoutException or TaskCanceledException)
            {
                log.LogWarning("{Strategy}: open orders not cancelled, the venue did not answer ({Error}); left for the reconciliation at the next start", id, ex.Message);
            }
        }

        return cancelled;
    }
}
