using System.Globalization;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Execution.Positions;
using ResearchPlatform.Engine.Execution.Quality;
using ResearchPlatform.Engine.Execution.Retry;
using ResearchPlatform.Engine.Execution.Validation;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution;

/// <summary>
/// The order path between the risk manager and a venue: validates, asks the risk hook, journals the order before it is
/// sent (write-ahead), sends with bounded retries (an ambiguous failure is resolved by querying the client order id
/// before any resend), and applies venue events through the state machine. Every change goes through the journal, so
/// <see cref="StartAsync"/> after a crash rebuilds the same state and reconciles it with the venue.
/// </summary>
internal sealed partial class OrderManager
{
    private const int MaxIllegalKept = 1000;
    private readonly IExchangeAdapter _venue;
    private readonly IOrderJournal _journal;
    private readonly OrderManagerOptions _options;
    private readonly TimeProvider _time;
    private readonly IOrderRiskCheck? _risk;
    private readonly Action<string>? _log;
    private readonly ExchangeRetryPipeline _retry;
    private readonly OrderStore _store = new();
    private readonly Lock _gate = new();
    private readonly List<IllegalTransition> _illegal = [];
    private OrderValidator? _validator;
    private volatile string? _suspended;
    private long _sequence;
    private long _clientSequence;
    private long _submitted, _denied, _placeCalls, _exhausted, _resolvedByQuery, _resubmitted;
    private long _duplicates, _illegalCount, _unknown, _lateFills, _recovered;

    public OrderManager(IExchangeAdapter venue, IOrderJournal journal, OrderManagerOptions options, TimeProvider time, IOrderRiskCheck? risk = null, Action<string>? log = null)
    {
        _venue = venue;
        _journal = journal;
        _options = options;
        _time = time;
        _risk = risk;
        _log = log;
        _retry = new ExchangeRetryPipeline(options.Retry, time);
    }

    /// <summary>Positions and PnL from the fills applied so far.</summary>
    public PositionBook Positions { get; } = new();

    /// <summary>All orders, in submission order.</summary>
    public IReadOnlyList<ManagedOrder> Orders => _store.Orders;

    /// <summary>Refused transitions (the most recent 1,000).</summary>
    public IReadOnlyList<IllegalTransition> IllegalTransitions
    {
        get
        {
            lock (_gate)
            {
                return [.. _illegal];
            }
        }
    }

    public OrderManagerStats Stats => new(
        _submitted, _denied, Interlocked.Read(ref _placeCalls), _retry.Retries, _retry.MostRetriesForOneCall, _exhausted, _resolvedByQuery, _resubmitted,
        _duplicates, _illegalCount, _unknown, _lateFills, _recovered);

    public ManagedOrder? Find(string clientOrderId) => _store.Find(clientOrderId);

    /// <summary>Why new orders are refused (disaster mode), or null while they are accepted.</summary>
    public string? SuspendedReason => _suspended;

    /// <summary>From now on every new order is denied (journaled, never sent) with <paramref name="reason"/>; cancels still go out.</summary>
    public void SuspendNewOrders(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        _suspended = reason;
    }

    /// <summary>New orders are accepted again.</summary>
    public void ResumeNewOrders() => _suspended = null;

    /// <summary>Execution quality of one order.</summary>
    public ExecutionQuality Quality(string clientOrderId) =>
        ExecutionQualityCalculator.Compute(_store.Find(clientOrderId) ?? throw new KeyNotFoundException($"order {clientOrderId}: unknown"), _options.Quality);

    /// <summary>Loads instruments, replays the journal, then reconciles every open order with the venue.</summary>
    public async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        var instruments = await _retry.ExecuteAsync(t => _venue.GetInstrumentsAsync(t), cancellationToken);
        _validator = new OrderValidator(instruments);
        ReplayJournal();
        await ReconcileAsync(cancellationToken);
    }

    /// <summary>
    /// Replays the journal into the orders and positions without calling the venue (part of <see cref="StartAsync"/>;
    /// alone: a read-only view of a journal no process trades). Call once, on a new manager.
    /// </summary>
    public int ReplayJournal()
    {
        var entries = _journal.ReadAll();
        foreach (var entry in entries)
        {
            Record(entry, persist: false);
            _recovered++;
            _sequence = Math.Max(_sequence, entry.Sequence);
            _clientSequence = Math.Max(_clientSequence, ParseClientSequence(entry.ClientOrderId));
        }

        return entries.Count;
    }

    /// <summary>Validates, risk-checks, journals and sends one order.</summary>
    public async ValueTask<OrderSubmission> SubmitAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        var validator = _validator ?? throw new InvalidOperationException("order manager not started: call StartAsync first");
        var clientId = NextClientId();
        var command = request.ToCommand(clientId);
        var arrival = request.ArrivalPrice ?? request.DecisionPrice;
        var position = Positions.QuantityOf(request.Symbol);
        var validation = validator.Validate(command, arrival, position);
        var reason = validation.Violation?.Message;
        if (validation.Order is { } valid && _risk?.Evaluate(valid, arrival, position) is { Approved: false } verdict)
        {
            reason = $"order {clientId}: rule risk: {verdict.Reason}";
        }

        if (validation.Violation is null && _suspended is { } suspended)
        {
            reason = $"order {clientId}: rule suspended: new orders refused: {suspended}";
        }

        var entry = NewEntry(reason is null ? JournalEntryKind.Submitted : JournalEntryKind.Denied, clientId) with
        {
            Order = validation.Order ?? command,
            Reason = reason,
            DecisionPrice = request.DecisionPrice,
            DecisionTime = request.DecisionTime,
            ArrivalPrice = arrival,
        };
        Record(entry, persist: true);
        if (reason is not null)
        {
            Interlocked.Increment(ref _denied);
            return new OrderSubmission(clientId, OrderState.Rejected, reason);
        }

        Interlocked.Increment(ref _submitted);
        return await SendAsync(_store.Find(clientId)!, cancellationToken);
    }

    /// <summary>Requests a cancel. False when the order is unknown, closed, or the venue refused.</summary>
    public async ValueTask<bool> CancelAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        var o = _store.Find(clientOrderId);
        if (o is null || Record(NewEntry(JournalEntryKind.PendingCancel, clientOrderId), persist: true).Outcome != EntryOutcome.Apply)
        {
            return false;
        }

        var cancel = new CancelOrder(o.Order.Symbol, clientOrderId, o.ExchangeOrderId);
        var neverAcknowledged = o.AcceptedAt is null;
        return await CallVenueAsync(
            o,
            t => _venue.CancelOrderAsync(cancel, t),
            ex => ex.Kind == ExchangeErrorKind.NotFound && neverAcknowledged ? JournalEntryKind.Canceled : JournalEntryKind.CancelRejected,
            cancellationToken);
    }

    /// <summary>Requests a modification (null keeps a field). False when the order is unknown, closed, or refused.</summary>
    public async ValueTask<bool> ModifyAsync(string clientOrderId, decimal? quantity, decimal? limitPrice, decimal? triggerPrice, CancellationToken cancellationToken)
    {
        var o = _store.Find(clientOrderId);
        var entry = NewEntry(JournalEntryKind.PendingModify, clientOrderId) with { Quantity = quantity, LimitPrice = limitPrice, TriggerPrice = triggerPrice };
        if (o is null || Record(entry, persist: true).Outcome != EntryOutcome.Apply)
        {
            return false;
        }

        var modify = new ModifyOrder(o.Order.Symbol, clientOrderId, o.ExchangeOrderId, quantity, limitPrice, triggerPrice);
        return await CallVenueAsync(o, t => _venue.ModifyOrderAsync(modify, t), _ => JournalEntryKind.ModifyRejected, cancellationToken);
    }

    /// <summary>Applies one venue event: journaled and applied if legal, counted otherwise.</summary>
    public EntryOutcome Apply(ExecutionEvent e) => Record(ExecutionEventMapper.ToEntry(e, _time.GetUtcNow()), persist: true).Outcome;

    /// <summary>Consumes the venue's execution stream until cancellation.</summary>
    public async Task RunEventLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var e in _venue.StreamExecutionEventsAsync(cancellationToken))
        {
            Apply(e);
        }
    }

    private async ValueTask<OrderSubmission> SendAsync(ManagedOrder order, CancellationToken cancellationToken)
    {
        var command = order.Order;
        var ambiguous = false;
        OrderAck ack;
        try
        {
            ack = await _retry.ExecuteAsync(
                async t =>
                {
                    if (ambiguous && await _venue.GetOrderByClientIdAsync(command.Symbol, command.ClientOrderId, t) is { } existing)
                    {
                        Interlocked.Increment(ref _resolvedByQuery);
                        return AckOf(existing);
                    }

                    try
                    {
                        Interlocked.Increment(ref _placeCalls);
                        return await _venue.PlaceOrderAsync(command, t);
                    }
                    catch (ExchangeException ex) when (ex.IsAmbiguous)
                    {
                        ambiguous = true;
                        throw;
                    }
                },
                cancellationToken);
        }
        catch (ExchangeException ex) when (ex.IsTransient)
        {
            Interlocked.Increment(ref _exhausted);
            order.NeedsReconciliation = true;
            _log?.Invoke($"order {command.ClientOrderId}: retries exhausted ({ex.Kind}: {ex.Message}); left for reconciliation");
            return new OrderSubmission(command.ClientOrderId, order.State, "retries exhausted: " + ex.Message);
        }
        catch (ExchangeException ex)
        {
            ack = new OrderAck(command.ClientOrderId, null, false, $"{ex.Kind}: {ex.Message}", _time.GetUtcNow());
        }

        if (!ack.Accepted)
        {
            Record(NewEntry(JournalEntryKind.Rejected, command.ClientOrderId) with { Reason = $"order {command.ClientOrderId}: rule venue: {ack.RejectReason}" }, persist: true);
        }
        else if (order.State == OrderState.Submitted)
        {
            Record(NewEntry(JournalEntryKind.Accepted, command.ClientOrderId) with { ExchangeOrderId = ack.ExchangeOrderId }, persist: true);
        }

        return new OrderSubmission(command.ClientOrderId, order.State, order.Reason);
    }

    private async ValueTask<bool> CallVenueAsync(ManagedOrder o, Func<CancellationToken, ValueTask> call, Func<ExchangeException, JournalEntryKind> onRefused, CancellationToken cancellationToken)
    {
        try
        {
            await _retry.ExecuteAsync(
                async t =>
                {
                    await call(t);
                    return true;
                },
                cancellationToken);
            return true;
        }
        catch (ExchangeException ex) when (ex.IsTransient)
        {
            Interlocked.Increment(ref _exhausted);
            o.NeedsReconciliation = true;
            return false;
        }
        catch (ExchangeException ex)
        {
            var kind = onRefused(ex);
            var reason = kind == JournalEntryKind.Canceled ? "canceled before the venue acknowledged it (venue: not found)" : $"{ex.Kind}: {ex.Message}";
            Record(NewEntry(kind, o.ClientOrderId) with { Reason = reason }, persist: true);
            return kind == JournalEntryKind.Canceled;
        }
    }

    private EntryCheck Record(JournalEntry entry, bool persist)
    {
        lock (_gate)
        {
            var check = _store.Check(entry);
            switch (check.Outcome)
            {
                case EntryOutcome.Duplicate:
                    _duplicates++;
                    return check;
                case EntryOutcome.UnknownOrder:
                    _unknown++;
                    _log?.Invoke($"order {entry.ClientOrderId}: {entry.Kind} for an unknown order ignored");
                    return check;
                case EntryOutcome.Illegal:
                    _illegalCount++;
                    var illegal = new IllegalTransition(entry.ClientOrderId, check.From, check.To, entry.Kind.ToString(), entry.Timestamp);
                    if (_illegal.Count < MaxIllegalKept)
                    {
                        _illegal.Add(illegal);
                    }

                    _log?.Invoke(illegal.ToString());
                    return check;
            }

            if (persist)
            {
                entry = entry with { Sequence = ++_sequence };
                _journal.Append(entry);
            }

            _store.Apply(entry, check);
            if (entry.Kind == JournalEntryKind.Filled)
            {
                var o = _store.Find(entry.ClientOrderId)!;
                Positions.ApplyFill(o.Order.Symbol, o.Order.Side, entry.FillQuantity!.Value, entry.FillPrice!.Value, entry.Fee ?? 0);
                if (check.Outcome == EntryOutcome.LateFill)
                {
                    _lateFills++;
                    _log?.Invoke($"order {entry.ClientOrderId}: late fill {entry.FillId} after {o.State}; position updated");
                }
            }

            return check;
        }
    }

    private JournalEntry NewEntry(JournalEntryKind kind, string clientOrderId) => new(0, kind, clientOrderId, _time.GetUtcNow());

    private string NextClientId() =>
        string.Create(CultureInfo.InvariantCulture, $"{_options.ClientIdPrefix}-{Interlocked.Increment(ref _clientSequence):D8}");

    private long ParseClientSequence(string clientOrderId)
    {
        var prefix = _options.ClientIdPrefix + "-";
        return clientOrderId.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(clientOrderId.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    private static OrderAck AckOf(VenueOrder v) =>
        new(v.ClientOrderId, v.ExchangeOrderId, v.Status != VenueOrderStatus.Rejected, v.Status == VenueOrderStatus.Rejected ? "rejected (found by client id)" : null, v.UpdatedAt);
}
