namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// The live books (<see cref="LiveBook"/>) and the curve sampled from them: after every candle all trading strategies
/// processed, one <see cref="LivePoint"/> with every strategy's equity, realized P&amp;L and exposure. A strategy that
/// does not trade (stopped, or the loop not running) keeps its last sampled equity (or the initial cash plus its
/// journal's realized P&amp;L when it was never sampled by this process).
/// </summary>
internal sealed class LiveSampler(ServeSettings settings, TimeProvider time)
{
    private readonly Lock _sync = new();
    private readonly List<LivePoint> _curve = [];
    private IReadOnlyList<LiveBook> _books = [];
    private int _sampled;

    /// <summary>Raised (outside the lock, on the live loop's thread) after each sampled candle: the points so far.</summary>
    public event Action<int>? Sampled;

    public IReadOnlyList<LiveBook> Books
    {
        get
        {
            lock (_sync)
            {
                return _books;
            }
        }
    }

    public IReadOnlyList<LivePoint> Curve
    {
        get
        {
            lock (_sync)
            {
                return [.. _curve];
            }
        }
    }

    public void SetBooks(IReadOnlyList<LiveBook> books)
    {
        lock (_sync)
        {
            _books = books;
            _sampled = 0;
        }
    }

    /// <summary>
    /// Called on the live loop's thread whenever the engine reports (at least once per traded candle): records the
    /// books once every trading strategy has processed a new candle. Realized P&amp;L and quantity do not depend on the
    /// mark; the unrealized P&amp;L is the rest of the runner's equity at the candle's close, so the exposure is
    /// quantity x average entry + unrealized.
    /// </summary>
    public void Sample()
    {
        int points;
        lock (_sync)
        {
            var trading = _books.Where(b => b.Runner is not null).ToList();
            if (trading.Count == 0 || trading.Any(b => b.Runner!.Equity.Count <= _sampled))
            {
                return; // not every strategy has processed the new candle yet (a report from within the bar)
            }

            _sampled = trading.Min(b => b.Runner!.Equity.Count);
            var cash = (double)settings.CashPerStrategy;
            var last = _curve.Count > 0 ? _curve[^1] : null;
            var positions = _books.Select(b => b.Manager.Positions.Snapshot(settings.Live!.Coin, 0m)).ToArray();
            var realized = positions.Select(p => (double)(p.RealizedPnl - p.Fees + p.Funding)).ToArray();
            var equity = _books.Select((b, i) => b.Runner is { Equity: var e } && e.Count > 0 ? e[^1] : last?.EquityOf(b.Slot.Id) ?? cash + realized[i]).ToArray();
            var exposure = positions.Select((p, i) => (double)(p.Quantity * p.AverageEntryPrice) + (equity[i] - cash - realized[i])).ToArray();
            _curve.Add(new LivePoint(time.GetUtcNow(), [.. _books.Select(b => b.Slot.Id)], equity, realized, exposure));
            points = _curve.Count;
        }

        Sampled?.Invoke(points);
    }
}
