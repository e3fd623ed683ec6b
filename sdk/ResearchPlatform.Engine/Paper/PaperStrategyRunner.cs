using System.Globalization;
using ResearchPlatform.Engine.Backtesting.RiskAware;
using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Breakers;
using ResearchPlatform.Engine.Risk.Sizing;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Execution;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// One strategy's live-like loop over replayed bars: signal at the close -> sizer -> risk -> order manager -> simulated
/// venue, which fills at the next bar. Owns its clock, venue, order manager and (optional) risk manager.
/// </summary>
internal sealed class PaperStrategyRunner
{
    private readonly PaperStrategy _strategy;
    private readonly BarSeries _bars;
    private readonly PaperOptions _options;
    private readonly ISignalGenerator _generator;
    private readonly SimulatedClock _clock;
    private readonly SimulatedVenue _venue;
    private readonly OrderManager _manager;
    private readonly IOrderJournal _journal;
    private readonly PaperRiskGate _gate = new();
    private readonly RiskManager? _risk;
    private readonly PositionSizer? _sizer;
    private readonly PaperTradeTracker _tracker;
    private readonly PaperRebalancer _rebalancer;
    private readonly PaperProtectiveOrders? _protection;
    private readonly double[] _equity;
    private readonly double[] _target = new double[1];
    private readonly List<RiskBacktestEvent> _riskEvents = [];
    private double _lastTarget;
    private int _lastBar = -1;
    private PaperResumeCheck? _resume;

    private PaperStrategyRunner(PaperStrategy strategy, BarSeries bars, PaperOptions options, IOrderJournal journal, string clientPrefix)
    {
        _strategy = strategy;
        _bars = bars;
        _options = options;
        _journal = journal;
        _generator = strategy.Seed.CreateGenerator(bars, strategy.Genes.ToArray(), 1);
        _clock = new SimulatedClock(bars.TimeAt(0));
        var instrument = new InstrumentSpec(bars.Symbol, options.TickSize, options.LotSize, options.LotSize, decimal.MaxValue / 4, 0m);
        _venue = new SimulatedVenue(
            new SimulatedVenueOptions
            {
                Instruments = [instrument],
                TakerFeeRate = options.TakerFeeRate,
                MakerFeeRate = options.MakerFeeRate,
                SlippageBps = options.SlippageBps,
                ImpactBps = options.ImpactBps,
                ParticipationCap = options.ParticipationCap,
                LatencyFixed = options.LatencyFixed,
                LatencyJitter = options.LatencyJitter,
                Seed = options.Seed,
                StartingCash = options.InitialCash,
                FundingRate = options.FundingRatePerHour,
                FundingRates = options.FundingRates?.ToDictionary(f => f.Time, f => f.Rate),
            },
            _clock);
        _manager = new OrderManager(_venue, journal, new OrderManagerOptions { ClientIdPrefix = clientPrefix }, _clock, _gate);
        if (options.Risk is { } genome)
        {
            _risk = new RiskManager(genome, _clock)
            {
                Alerts = options.Alerts ?? Sdk.Alerts.NullAlertPublisher.Instance,
                AlertScope = strategy.Name,
            };
            _sizer = new PositionSizer(genome);
            _protection = options.VenueStops ? new PaperProtectiveOrders(_manager, bars.Symbol, (decimal)genome.StopLossPct, (decimal)genome.TakeProfitPct, options.TrailFraction) : null;
        }

        _tracker = new PaperTradeTracker(strategy.Name);
        _rebalancer = new PaperRebalancer(_manager, _gate, _risk, _sizer, options, options.LotSize,
            (time, rejected, detail) => _riskEvents.Add(new RiskBacktestEvent(
                _lastBar, time, rejected ? RiskEventKind.OrderRejected : RiskEventKind.OrderResized, _risk!.Level, _risk.Level, Describe(_risk.ActiveBreakers()), detail)));
        _equity = new double[bars.Count];
    }

    public PaperStrategy Strategy => _strategy;

    public OrderManager Manager => _manager;

    public SimulatedVenue Venue => _venue;

    /// <summary>The resumed session's catch-up journal, or null for a fresh session.</summary>
    public CatchUpOrderJournal? CatchUp => _journal as CatchUpOrderJournal;

    /// <summary>Journal vs venue now, marked at the last processed close.</summary>
    public PaperReconciliation CheckVenue() =>
        PaperVenueCheck.Compare(_manager, _venue, _bars.Symbol, ToPrice(_bars.Close[Math.Max(_lastBar, 0)]));

    /// <summary>
    /// For a resumed session, once the re-run has reproduced every stored entry: records the check of journal vs the
    /// rebuilt venue (true the first time only).
    /// </summary>
    public bool TryCompleteCatchUp()
    {
        if (_resume is not null || CatchUp is not { CatchingUp: false } c)
        {
            return false;
        }

        _resume = new PaperResumeCheck(c.Stored, _lastBar, CheckVenue());
        return true;
    }

    public PaperResumeCheck? Resume => _resume;

    /// <summary>
    /// The risk manager's events so far, oldest first: breaker trips and resets, level changes, entries it rejected or
    /// resized (empty without a risk genome).
    /// </summary>
    public IReadOnlyList<RiskBacktestEvent> RiskEvents => _riskEvents;

    /// <summary>Round trips closed so far (live view for the service).</summary>
    public IReadOnlyList<PaperTrade> Trades => _tracker.Trades;

    /// <summary>Builds the runner and starts its order manager (replays <paramref name="journal"/> if it has entries).</summary>
    public static async ValueTask<PaperStrategyRunner> CreateAsync(PaperStrategy strategy, BarSeries bars, PaperOptions options, IOrderJournal journal, string clientPrefix, CancellationToken cancellationToken)
    {
        var runner = new PaperStrategyRunner(strategy, bars, options, journal, clientPrefix);
        await runner._manager.StartAsync(cancellationToken);
        return runner;
    }

    /// <summary>Bar <paramref name="i"/> opens (pending orders fill), then closes (mark, risk update, new signal, orders).</summary>
    public ValueTask OnBarAsync(int i, CancellationToken cancellationToken) => OnBarAsync(i, trade: true, cancellationToken);

    /// <summary>
    /// Bar <paramref name="i"/> as <see cref="OnBarAsync(int, CancellationToken)"/>; with <paramref name="trade"/> false
    /// (a paused strategy) the bar is still marked and the signal still advances (generators read bars in order), but no
    /// order is placed and the last acted-on target is kept, so a resumed strategy rebalances to its current signal.
    /// </summary>
    public async ValueTask OnBarAsync(int i, bool trade, CancellationToken cancellationToken)
    {
        _lastBar = i;
        var open = _bars.TimeAt(i);
        _clock.AdvanceTo(open);
        _venue.ProcessCandle(new Candle(_bars.Symbol, open, ToPrice(_bars.Open[i]), ToPrice(_bars.High[i]), ToPrice(_bars.Low[i]), ToPrice(_bars.Close[i]), ToVolume(_bars.Volume[i])));
        BookFunding();
        DrainEvents(i, open);
        await ProtectAsync(i, cancellationToken);

        var close = _bars.Close[i];
        var closeTime = open + _bars.Interval.Duration;
        _clock.AdvanceTo(closeTime);
        await TrailAsync(i, cancellationToken);
        _generator.Fill(i, 1, _target);
        var target = double.IsFinite(_target[0]) ? Math.Clamp(_target[0], -1, 1) : 0;
        var equity = Equity(close);
        _equity[i] = equity;
        var quantity = (double)_manager.Positions.QuantityOf(_bars.Symbol);
        if (_risk is not null)
        {
            var market = _options.Market is { } states && i < states.Count ? states[i] : MarketState.Unknown;
            var from = _risk.Level;
            var update = _risk.OnBar(new PortfolioSnapshot(equity, quantity == 0 ? [] : [new PositionSnapshot(_bars.Symbol, quantity, close)]), market);
            RecordRisk(i, closeTime, from, update);
        }
        if (!trade)
        {
            return;
        }

        if (target != _lastTarget && i < _bars.Count - 1)
        {
            await RebalanceAsync(target, ToPrice(close), equity, closeTime, cancellationToken);
        }

        _lastTarget = target;
    }

    /// <summary>
    /// End of data: with <see cref="PaperOptions.CloseAtEnd"/> an open position is closed by a market order filled on a
    /// flat candle at the last close (the kernel's end-of-data convention), through the same venue path.
    /// </summary>
    public async ValueTask<PaperStrategyResult> FinishAsync(CancellationToken cancellationToken)
    {
        var last = _bars.Count - 1;
        var position = _manager.Positions.QuantityOf(_bars.Symbol);
        if (_options.CloseAtEnd && position != 0)
        {
            await CancelWorkingAsync(cancellationToken);
            var price = ToPrice(_bars.Close[last]);
            var time = _bars.TimeAt(last) + _bars.Interval.Duration;
            await _manager.SubmitAsync(new OrderRequest(_bars.Symbol, position > 0 ? OrderSide.Sell : OrderSide.Buy, OrderType.Market, Math.Abs(position), price, time, ReduceOnly: true), cancellationToken);
            _clock.AdvanceTo(time);
            var volume = Math.Abs(position) / _options.ParticipationCap;
            _venue.ProcessCandle(new Candle(_bars.Symbol, time, price, price, price, price, volume));
            BookFunding();
            DrainEvents(last, time);
            _equity[last] = Equity(_bars.Close[last]);
        }

        if (CatchUp is { CatchingUp: true } c)
        {
            throw new JournalDivergedException(
                $"resume diverged: the re-run reproduced {c.Verified} of the {c.Stored} stored journal entries of {_strategy.Name} and then the data ended");
        }

        TryCompleteCatchUp();
        var final = _options.InitialCash + _manager.Positions.Snapshot(_bars.Symbol, ToPrice(_bars.Close[last])).NetPnl;
        var trades = _tracker.Trades;
        var performance = PaperPerformanceCalculator.Compute(_manager, trades, _equity, _options.InitialCash, Backtesting.Annualization.BarsPerYear(_bars));
        return new PaperStrategyResult(_strategy, performance, [.. trades], [.. _manager.Orders], _equity, final)
        {
            Reconciliation = CheckVenue(),
            Resume = _resume,
            Funding = _manager.Positions.Snapshot(_bars.Symbol).Funding,
            RiskEvents = [.. _riskEvents],
        };
    }

    private ValueTask RebalanceAsync(double target, decimal price, double equity, DateTimeOffset time, CancellationToken cancellationToken) =>
        _rebalancer.RebalanceAsync(_bars.Symbol, target, price, equity, time, CancelWorkingAsync, cancellationToken);

    /// <summary>Stop-loss / take-profit orders for the position after bar <paramref name="bar"/>'s open fills; new ones may trigger on this bar.</summary>
    private async ValueTask ProtectAsync(int bar, CancellationToken cancellationToken)
    {
        if (_protection is null || !await _protection.SyncAsync(_clock.GetUtcNow(), cancellationToken))
        {
            return;
        }

        DrainEvents(bar, _clock.GetUtcNow());
        _venue.MatchNewTriggers(_bars.Symbol);
        DrainEvents(bar, _clock.GetUtcNow());
        if (await _protection.SyncAsync(_clock.GetUtcNow(), cancellationToken))
        {
            DrainEvents(bar, _clock.GetUtcNow());
        }
    }

    /// <summary>The trailing stop follows bar <paramref name="bar"/>'s high / low, after its stop check (as the kernel trails).</summary>
    private async ValueTask TrailAsync(int bar, CancellationToken cancellationToken)
    {
        if (_protection is not null && await _protection.TrailAsync(ToPrice(_bars.High[bar]), ToPrice(_bars.Low[bar]), cancellationToken))
        {
            DrainEvents(bar, _clock.GetUtcNow());
        }
    }

    private void RecordRisk(int bar, DateTimeOffset at, Sdk.Risk.RiskLevel from, RiskUpdate update)
    {
        foreach (var e in update.BreakerEvents)
        {
            var what = string.Create(CultureInfo.InvariantCulture, $"{e.Name} {(e.Tripped ? "tripped" : "reset")} at {e.Value:0.####} (threshold {e.Threshold:0.####})");
            _riskEvents.Add(new RiskBacktestEvent(bar, e.At, e.Tripped ? RiskEventKind.BreakerTripped : RiskEventKind.BreakerReset, from, from, what, Describe(_risk!.ActiveBreakers())));
        }

        if (update.LevelChange is { } c)
        {
            var trigger = string.Join("; ", c.Trigger.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Name} {(e.Tripped ? "tripped" : "reset")} at {e.Value:0.####} (threshold {e.Threshold:0.####})")));
            _riskEvents.Add(new RiskBacktestEvent(bar, at, RiskEventKind.LevelChange, from, c.To, trigger, Describe(c.ActiveBreakers)));
        }
    }

    private static string Describe(IReadOnlyList<ActiveBreaker> active) =>
        string.Join("; ", active.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Name} {a.Value:0.####} (trigger {a.Trigger:0.####})")));


    private async ValueTask CancelWorkingAsync(CancellationToken cancellationToken)
    {
        foreach (var o in _manager.Orders)
        {
            if (!o.IsTerminal)
            {
                await _manager.CancelAsync(o.ClientOrderId, cancellationToken);
            }
        }

        DrainEvents(-1, _clock.GetUtcNow());
    }

    /// <summary>The venue's funding payments since the last bar, booked on the order manager's positions too.</summary>
    private void BookFunding()
    {
        foreach (var f in _venue.TakeFundingPayments())
        {
            _manager.Positions.ApplyFunding(f.Symbol, f.Amount);
        }
    }

    private void DrainEvents(int bar, DateTimeOffset time)
    {
        while (_venue.TryReadEvent(out var e))
        {
            var outcome = _manager.Apply(e!);
            if (e is OrderFilled f && outcome is EntryOutcome.Apply or EntryOutcome.LateFill)
            {
                var closed = _tracker.OnFill(f.Side, f.Quantity, f.Price, f.Fee, bar, time);
                _risk?.OnFill();
                if (closed is not null)
                {
                    _risk?.OnTradeClosed((double)closed.Pnl, Equity(_bars.Close[Math.Max(bar, 0)]));
                }
            }
        }
    }

    private double Equity(double mark) =>
        (double)(_options.InitialCash + _manager.Positions.Snapshot(_bars.Symbol, ToPrice(mark)).NetPnl);

    private static decimal ToPrice(double value) => (decimal)value;

    private static decimal ToVolume(double value) => double.IsFinite(value) && value > 0 ? (decimal)value : 0m;
}
