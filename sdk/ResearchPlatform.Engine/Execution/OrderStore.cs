using ResearchPlatform.Engine.Execution.Journal;

namespace ResearchPlatform.Engine.Execution;

/// <summary>
/// The orders, rebuilt from journal entries. <see cref="Check"/> says whether an entry is a legal change, a duplicate,
/// a late fill or illegal; <see cref="Apply"/> applies a checked entry. Live processing and crash recovery both go
/// through these two methods, so the recovered state equals the state before the crash.
/// </summary>
internal sealed class OrderStore
{
    private readonly Dictionary<string, ManagedOrder> _orders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fillIds = new(StringComparer.Ordinal);

    /// <summary>Orders in submission order.</summary>
    public List<ManagedOrder> Orders { get; } = [];

    /// <summary>The highest journal sequence applied.</summary>
    public long LastSequence { get; private set; }

    public ManagedOrder? Find(string clientOrderId) => _orders.GetValueOrDefault(clientOrderId);

    /// <summary>True when the fill id was already applied.</summary>
    public bool HasFill(string fillId) => _fillIds.Contains(fillId);

    public EntryCheck Check(JournalEntry e)
    {
        if (e.Kind is JournalEntryKind.Submitted or JournalEntryKind.Denied)
        {
            var target = e.Kind == JournalEntryKind.Submitted ? OrderState.Submitted : OrderState.Rejected;
            return _orders.ContainsKey(e.ClientOrderId)
                ? new EntryCheck(EntryOutcome.Duplicate, target, target)
                : new EntryCheck(EntryOutcome.Apply, OrderState.Initialized, target);
        }

        if (!_orders.TryGetValue(e.ClientOrderId, out var o))
        {
            return new EntryCheck(EntryOutcome.UnknownOrder, OrderState.Initialized, OrderState.Initialized);
        }

        var from = o.State;
        return e.Kind switch
        {
            JournalEntryKind.Accepted => from == OrderState.Submitted ? Ok(from, OrderState.Accepted)
                : o.IsTerminal ? Bad(from, OrderState.Accepted) : Dup(from),
            JournalEntryKind.CancelRejected => from == OrderState.PendingCancel ? Ok(from, o.WorkingState) : Dup(from),
            JournalEntryKind.ModifyRejected => from == OrderState.PendingModify ? Ok(from, o.WorkingState) : Dup(from),
            JournalEntryKind.Modified => from == OrderState.PendingModify ? Ok(from, o.WorkingState)
                : from is OrderState.Accepted or OrderState.PartiallyFilled ? Ok(from, from) : Bad(from, OrderState.Accepted),
            JournalEntryKind.Filled => CheckFill(e, o),
            _ => Transition(from, TargetOf(e.Kind)),
        };
    }

    public void Apply(JournalEntry e, EntryCheck check)
    {
        LastSequence = Math.Max(LastSequence, e.Sequence);
        if (e.Kind is JournalEntryKind.Submitted or JournalEntryKind.Denied)
        {
            var order = new ManagedOrder(e.Order!, e.DecisionPrice ?? 0, e.DecisionTime ?? e.Timestamp, e.ArrivalPrice ?? e.DecisionPrice ?? 0)
            {
                State = check.To,
                SubmittedAt = e.Kind == JournalEntryKind.Submitted ? e.Timestamp : null,
                ClosedAt = e.Kind == JournalEntryKind.Denied ? e.Timestamp : null,
                Reason = e.Reason,
            };
            _orders.Add(order.ClientOrderId, order);
            Orders.Add(order);
            return;
        }

        var o = _orders[e.ClientOrderId];
        o.ExchangeOrderId ??= e.ExchangeOrderId;
        switch (e.Kind)
        {
            case JournalEntryKind.Accepted:
                o.AcceptedAt ??= e.Timestamp;
                break;
            case JournalEntryKind.Modified:
                // a venue may give the modified order a new id (Hyperliquid's batchModify): later cancels and modifies use it
                o.ExchangeOrderId = e.ExchangeOrderId ?? o.ExchangeOrderId;
                o.Order = o.Order with
                {
                    Quantity = e.Quantity ?? o.Order.Quantity,
                    LimitPrice = e.LimitPrice ?? o.Order.LimitPrice,
                    TriggerPrice = e.TriggerPrice ?? o.Order.TriggerPrice,
                };
                break;
            case JournalEntryKind.Filled:
                ApplyFill(o, e, check.Outcome == EntryOutcome.LateFill);
                break;
            case JournalEntryKind.Rejected or JournalEntryKind.Canceled or JournalEntryKind.Expired:
                o.Reason = e.Reason ?? o.Reason;
                break;
        }

        if (check.Outcome == EntryOutcome.Apply)
        {
            o.State = check.To;
            if (o.IsTerminal)
            {
                o.ClosedAt ??= e.Timestamp;
                o.NeedsReconciliation = false;
            }
        }
    }

    private void ApplyFill(ManagedOrder o, JournalEntry e, bool late)
    {
        _fillIds.Add(e.FillId!);
        var qty = e.FillQuantity!.Value;
        o.FilledQuantity += qty;
        o.FilledNotional += qty * e.FillPrice!.Value;
        o.Fees += e.Fee ?? 0;
        if (e.Liquidity == Sdk.Execution.Liquidity.Maker)
        {
            o.MakerQuantity += qty;
        }
        else
        {
            o.TakerQuantity += qty;
        }

        o.FirstFillAt ??= e.Timestamp;
        o.LastFillAt = e.Timestamp;
        o.AcceptedAt ??= e.Timestamp;
        if (late)
        {
            o.LateFills++;
        }
    }

    private EntryCheck CheckFill(JournalEntry e, ManagedOrder o)
    {
        if (e.FillId is null || _fillIds.Contains(e.FillId))
        {
            return Dup(o.State);
        }

        if (o.State is OrderState.Canceled or OrderState.Expired)
        {
            return new EntryCheck(EntryOutcome.LateFill, o.State, o.State);
        }

        if (o.State is OrderState.Filled or OrderState.Rejected)
        {
            return Bad(o.State, OrderState.Filled); // over-fill or fill on a refused order: never applied
        }

        var target = o.FilledQuantity + (e.FillQuantity ?? 0) >= o.Order.Quantity ? OrderState.Filled : OrderState.PartiallyFilled;
        return Transition(o.State, target);
    }

    private static OrderState TargetOf(JournalEntryKind kind) => kind switch
    {
        JournalEntryKind.Rejected => OrderState.Rejected,
        JournalEntryKind.PendingCancel => OrderState.PendingCancel,
        JournalEntryKind.Canceled => OrderState.Canceled,
        JournalEntryKind.Expired => OrderState.Expired,
        JournalEntryKind.PendingModify => OrderState.PendingModify,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no direct target state"),
    };

    private static EntryCheck Transition(OrderState from, OrderState to) =>
        from == to && to != OrderState.PartiallyFilled ? Dup(from)
        : OrderStateMachine.IsLegal(from, to) ? Ok(from, to) : Bad(from, to);

    private static EntryCheck Ok(OrderState from, OrderState to) => new(EntryOutcome.Apply, from, to);

    private static EntryCheck Bad(OrderState from, OrderState to) => new(EntryOutcome.Illegal, from, to);

    private static EntryCheck Dup(OrderState state) => new(EntryOutcome.Duplicate, state, state);
}
