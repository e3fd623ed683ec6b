using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Execution.Positions;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution;

/// <summary>Reconciliation with the venue: open orders' fills and statuses, expected vs venue positions.</summary>
internal sealed partial class OrderManager
{
    /// <summary>The reason of a terminal entry written by reconciliation for an order the venue no longer knows.</summary>
    internal const string NotFoundDuringReconciliation = "not found at venue during reconciliation";

    /// <summary>The reason prefix (then the venue's status) of an entry written by reconciliation.</summary>
    internal const string ReconciledWithVenueStatus = "reconciled with venue status ";

    /// <summary>
    /// Brings every open order in line with the venue: applies missed fills, then each order's venue status; an order
    /// journaled as submitted that the venue never received is sent now (same client id, so never twice).
    /// Returns the number of orders looked at.
    /// </summary>
    public async ValueTask<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var open = _store.Orders.Where(o => !o.IsTerminal).ToList();
        if (open.Count == 0)
        {
            return 0;
        }

        var since = open.Min(o => o.SubmittedAt ?? o.DecisionTime);
        var fills = await _retry.ExecuteAsync(t => _venue.GetFillsAsync(since, t), cancellationToken);
        foreach (var fill in fills.Where(f => _store.Find(f.ClientOrderId) is not null))
        {
            Apply(fill);
        }

        foreach (var o in open.Where(o => !o.IsTerminal))
        {
            var venueOrder = await _retry.ExecuteAsync(t => _venue.GetOrderByClientIdAsync(o.Order.Symbol, o.ClientOrderId, t), cancellationToken);
            if (venueOrder is null && o.State == OrderState.Submitted)
            {
                Interlocked.Increment(ref _resubmitted);
                await SendAsync(o, cancellationToken);
            }
            else
            {
                ApplyVenueStatus(o, venueOrder);
            }
        }

        return open.Count;
    }

    /// <summary>Compares expected positions with the venue's; with <paramref name="forceSync"/> adopts the venue's.</summary>
    public ValueTask<IReadOnlyList<PositionDiscrepancy>> CheckPositionsAsync(bool forceSync, CancellationToken cancellationToken) =>
        PositionReconciler.CheckAsync(_venue, _retry, Positions, _options.PositionTolerance, forceSync, _log, cancellationToken);

    private void ApplyVenueStatus(ManagedOrder o, VenueOrder? v)
    {
        var now = _time.GetUtcNow();
        var kind = v?.Status switch
        {
            null => JournalEntryKind.Canceled,
            VenueOrderStatus.Canceled => JournalEntryKind.Canceled,
            VenueOrderStatus.Rejected => JournalEntryKind.Rejected,
            VenueOrderStatus.Expired => JournalEntryKind.Expired,
            VenueOrderStatus.Open or VenueOrderStatus.PartiallyFilled when o.State == OrderState.Submitted => JournalEntryKind.Accepted,
            VenueOrderStatus.Open or VenueOrderStatus.PartiallyFilled when o.State == OrderState.PendingCancel => JournalEntryKind.CancelRejected,
            _ => (JournalEntryKind?)null,
        };
        if (kind is { } k)
        {
            var reason = v is null ? NotFoundDuringReconciliation : ReconciledWithVenueStatus + v.Status;
            Record(new JournalEntry(0, k, o.ClientOrderId, now) { ExchangeOrderId = v?.ExchangeOrderId, Reason = reason }, persist: true);
        }

        if (v is not null && v.FilledQuantity != o.FilledQuantity)
        {
            _log?.Invoke(FormattableString.Invariant($"order {o.ClientOrderId}: venue filled {v.FilledQuantity}, journal {o.FilledQuantity} after reconciliation"));
        }

        o.NeedsReconciliation = false;
    }
}
