using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// Turns a stream of fills into round trips (flat -> flat). A fill that crosses zero closes the trade at its price and
/// opens the next with the remainder; fees are split pro rata.
/// </summary>
internal sealed class PaperTradeTracker
{
    private readonly string _strategy;
    private readonly List<PaperTrade> _trades = [];
    private decimal _position;
    private decimal _entryNotional, _entryQty, _exitNotional, _exitQty, _fees;
    private int _entryBar;
    private int _direction;
    private DateTimeOffset _entryTime;

    public PaperTradeTracker(string strategy) => _strategy = strategy;

    public IReadOnlyList<PaperTrade> Trades => _trades;

    public decimal Position => _position;

    /// <summary>Records one fill; returns the trade it closed, if any.</summary>
    public PaperTrade? OnFill(OrderSide side, decimal quantity, decimal price, decimal fee, int bar, DateTimeOffset time)
    {
        var signed = side == OrderSide.Buy ? quantity : -quantity;
        PaperTrade? closed = null;
        if (_position == 0)
        {
            Open(signed, price, fee, bar, time);
            return null;
        }

        if (Math.Sign(signed) == Math.Sign(_position))
        {
            _entryNotional += quantity * price;
            _entryQty += quantity;
            _fees += fee;
            _position += signed;
            return null;
        }

        var closing = Math.Min(quantity, Math.Abs(_position));
        var closingFee = fee * closing / quantity;
        _exitNotional += closing * price;
        _exitQty += closing;
        _fees += closingFee;
        _position += Math.Sign(signed) * closing;
        if (_position == 0)
        {
            closed = Close(bar, time);
        }

        var rest = quantity - closing;
        if (rest > 0)
        {
            Open(Math.Sign(signed) * rest, price, fee - closingFee, bar, time);
        }

        return closed;
    }

    /// <summary>Closes an open trade at the mark (end of data without a closing order); null when flat.</summary>
    public PaperTrade? MarkClose(decimal price, int bar, DateTimeOffset time)
    {
        if (_position == 0)
        {
            return null;
        }

        _exitNotional += Math.Abs(_position) * price;
        _exitQty += Math.Abs(_position);
        _position = 0;
        return Close(bar, time);
    }

    private void Open(decimal signed, decimal price, decimal fee, int bar, DateTimeOffset time)
    {
        _position = signed;
        _direction = Math.Sign(signed);
        _entryNotional = Math.Abs(signed) * price;
        _entryQty = Math.Abs(signed);
        _exitNotional = _exitQty = 0;
        _fees = fee;
        _entryBar = bar;
        _entryTime = time;
    }

    private PaperTrade Close(int bar, DateTimeOffset time)
    {
        var entry = _entryNotional / _entryQty;
        var exit = _exitNotional / _exitQty;
        var sign = _direction;
        var pnl = (sign * _entryQty * (exit - entry)) - _fees;
        var t = new PaperTrade(_strategy, _entryBar, _entryTime, entry, bar, time, exit, sign * _entryQty, pnl, _fees);
        _trades.Add(t);
        return t;
    }
}
