using System.Globalization;
using ResearchPlatform.Engine.Execution.Simulated;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Breakers;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Backtesting.RiskAware;

/// <summary>
/// The bar loop of <see cref="RiskBacktest"/>. Next-open: fills at bar t's open (the pending target or an EMERGENCY
/// flatten decided at t-1's close), then funding and the close mark, then <see cref="RiskManager.OnBar"/> at t's close
/// time. Close fills: the close mark before trading goes to <see cref="RiskManager.OnBar"/>, then the flatten or target
/// change fills at the close. Closing a position is never checked; each opening is checked with the level in force.
/// A rejected entry consumes the signal: the strategy stays flat until its target changes again.
/// </summary>
internal sealed class RiskOverlay
{
    private readonly BarSeries _bars;
    private readonly KernelSpec _k;
    private readonly BarRange _window;
    private readonly SimulatedClock _clock;
    private readonly RiskManager _risk;
    private readonly ScalarBook _book;
    private readonly TradeListRecorder _rec;
    private readonly List<RiskBacktestEvent> _events = [];
    private readonly IReadOnlyList<MarketState>? _market;
    private int _rejected;
    private int _resized;

    public RiskOverlay(BarSeries bars, KernelSpec k, RiskGenome genome, BarRange window, IReadOnlyList<MarketState>? market = null, Sdk.Alerts.IAlertPublisher? alerts = null)
    {
        _market = market;
        _bars = bars;
        _k = k;
        _window = window;
        _clock = new SimulatedClock(bars.TimeAt(window.Start));
        _risk = new RiskManager(genome, _clock, new RiskManagerOptions(PeriodsPerYear: Annualization.BarsPerYear(bars)))
        {
            Alerts = alerts ?? Sdk.Alerts.NullAlertPublisher.Instance,
            AlertScope = bars.Symbol,
        };
        _rec = new TradeListRecorder(bars, window);
        _book = new ScalarBook(k, window.Start, _rec);
    }

    public void Run(double[] targets, CancellationToken ct)
    {
        var last = _window.End - 1;
        for (var t = _window.Start; t <= last; t++)
        {
            if ((t & 4095) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var target = Filter(targets[t]);
            if (t == last)
            {
                LastBar(t, target);
            }
            else if (_k.NextOpen)
            {
                _clock.AdvanceTo(_bars.TimeAt(t));
                Act(t, _k.Open[t], _book.Pending);
                _book.MarkClose(t);
                Update(t);
                _book.Pending = target;
            }
            else
            {
                Update(t);
                Act(t, _k.Close[t], target);
                _book.MarkClose(t);
            }
        }
    }

    public RiskBacktestResult Result()
    {
        var metrics = MetricsCalculator.Compute(_book.State, 1, 0, _window, Annualization.BarsPerYear(_bars), _k);
        var result = new BacktestResult(_window, metrics, _rec.Trades, _rec.Equity);
        return new RiskBacktestResult(result, _events, _rejected, _resized);
    }

    /// <summary>The window's last bar: the end-of-data rule as in the kernel (no risk check: it only closes).</summary>
    private void LastBar(int t, double target)
    {
        _clock.AdvanceTo(_bars.TimeAt(t));
        if (_k.EndMode == EndOfDataMode.LastOpen)
        {
            CloseIfOpen(t, _k.Open[t], ExitReason.EndOfData);
        }
        else
        {
            if (_k.NextOpen)
            {
                Act(t, _k.Open[t], _book.Pending);
            }

            if (_k.EndMode == EndOfDataMode.LastClose)
            {
                _clock.AdvanceTo(CloseTime(t));
                CloseIfOpen(t, _k.Close[t], ExitReason.EndOfData);
            }
            else if (!_k.NextOpen)
            {
                Act(t, _k.Close[t], target);
            }
        }

        _book.MarkClose(t);
    }

    /// <summary>One fill point: the EMERGENCY flatten, else a target change (close, then a checked open).</summary>
    private void Act(int t, double basePrice, double desired)
    {
        var d = double.IsNaN(desired) ? 0 : desired;
        if (_risk.Level == RiskLevel.Emergency && _book.Position != 0)
        {
            var active = Active();
            var pnl = CloseIfOpen(t, basePrice, ExitReason.Risk);
            _events.Add(new RiskBacktestEvent(t, _clock.GetUtcNow(), RiskEventKind.Flatten, _risk.Level, _risk.Level, active,
                string.Create(CultureInfo.InvariantCulture, $"EMERGENCY: position closed, pnl {pnl:0.##}")));
        }

        if (d == _book.Current)
        {
            return;
        }

        CloseIfOpen(t, basePrice, ExitReason.Signal);
        if (d != 0)
        {
            Open(t, basePrice, d);
        }

        _book.Current = d;
    }

    private void Open(int t, double basePrice, double d)
    {
        var px = _book.FillPrice(t, basePrice, buy: d > 0);
        var units = _book.Size(d, px);
        if (units == 0 || double.IsNaN(units))
        {
            return;
        }

        var portfolio = new PortfolioSnapshot(_book.Equity(basePrice), []);
        var verdict = _risk.EvaluateTradeRisk(new OrderIntent(_bars.Symbol, units, px), new TradeRiskContext(portfolio));
        if (verdict.Decision != RiskDecision.Approve)
        {
            var resized = verdict.Decision == RiskDecision.Resize;
            _ = resized ? _resized++ : _rejected++;
            var detail = string.Create(CultureInfo.InvariantCulture, $"{verdict.Reason} (requested {units:0.######}, approved {verdict.ApprovedQuantity:0.######} units)");
            _events.Add(new RiskBacktestEvent(t, _clock.GetUtcNow(), resized ? RiskEventKind.OrderResized : RiskEventKind.OrderRejected, _risk.Level, _risk.Level, Active(), detail));
        }

        if (verdict.ApprovedQuantity != 0)
        {
            _book.Open(t, verdict.ApprovedQuantity, px);
            _risk.OnFill();
        }
    }

    private double CloseIfOpen(int t, double basePrice, ExitReason reason)
    {
        if (_book.Position == 0)
        {
            return 0;
        }

        var pnl = _book.Close(t, basePrice, reason);
        _risk.OnFill();
        _risk.OnTradeClosed(pnl, _book.Balance);
        return pnl;
    }

    /// <summary>Marks the portfolio at bar t's close and updates breakers and level at the close time.</summary>
    private void Update(int t)
    {
        _clock.AdvanceTo(CloseTime(t));
        var close = _k.Close[t];
        var positions = _book.Position == 0 ? [] : new[] { new PositionSnapshot(_bars.Symbol, _book.Position, close) };
        var from = _risk.Level;
        var update = _risk.OnBar(new PortfolioSnapshot(_book.Equity(close), positions), _market?[t] ?? MarketState.Unknown);
        if (update.LevelChange is { } c)
        {
            _events.Add(new RiskBacktestEvent(t, c.At, RiskEventKind.LevelChange, from, c.To, Describe(c.Trigger), Describe(c.ActiveBreakers)));
        }
    }

    private DateTimeOffset CloseTime(int t) => _bars.TimeAt(t) + _bars.Interval.Duration;

    private double Filter(double target) => _k.Direction switch
    {
        TradeDirection.LongOnly => Math.Max(target, 0),
        TradeDirection.ShortOnly => Math.Min(target, 0),
        _ => target,
    };

    private string Active() => Describe(_risk.ActiveBreakers());

    private static string Describe(IReadOnlyList<BreakerEvent> events) =>
        string.Join("; ", events.Select(e => string.Create(CultureInfo.InvariantCulture,
            $"{e.Name} {(e.Tripped ? "tripped" : "reset")} at {e.Value:0.####} (threshold {e.Threshold:0.####})")));

    private static string Describe(IReadOnlyList<ActiveBreaker> active) =>
        string.Join("; ", active.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Name} {a.Value:0.####} (trigger {a.Trigger:0.####})")));
}
