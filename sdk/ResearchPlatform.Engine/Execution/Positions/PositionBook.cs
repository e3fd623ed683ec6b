using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Positions;

/// <summary>
/// Positions and PnL per symbol on the money path (decimal). Fills that reduce a position realise
/// <c>(exit - entry) x closed quantity</c> (sign by direction); fills that flip a position close it and open the rest
/// at the fill price; fills that add average the entry price. Fees and funding are tracked apart.
/// </summary>
internal sealed class PositionBook
{
    private readonly Dictionary<string, Entry> _positions = new(StringComparer.Ordinal);

    /// <summary>Applies one fill.</summary>
    public void ApplyFill(string symbol, OrderSide side, decimal quantity, decimal price, decimal fee)
    {
        var p = Get(symbol);
        var signed = side == OrderSide.Buy ? quantity : -quantity;
        p.Fees += fee;
        p.LastPrice = price;
        if (p.Quantity == 0 || Math.Sign(p.Quantity) == Math.Sign(signed))
        {
            var newQty = p.Quantity + signed;
            p.EntryPrice = ((p.EntryPrice * Math.Abs(p.Quantity)) + (price * quantity)) / Math.Abs(newQty);
            p.Quantity = newQty;
            return;
        }

        var closing = Math.Min(Math.Abs(p.Quantity), quantity);
        var direction = Math.Sign(p.Quantity);
        p.Realized += (price - p.EntryPrice) * closing * direction;
        var remaining = p.Quantity + signed;
        if (remaining == 0)
        {
            p.Quantity = 0;
            p.EntryPrice = 0;
        }
        else if (Math.Sign(remaining) != direction)
        {
            p.Quantity = remaining;
            p.EntryPrice = price; // flipped: the rest opened at this fill
        }
        else
        {
            p.Quantity = remaining;
        }
    }

    /// <summary>Books a funding payment: positive = received, negative = paid.</summary>
    public void ApplyFunding(string symbol, decimal amount) => Get(symbol).Funding += amount;

    /// <summary>Signed quantity held (0 when flat or unknown).</summary>
    public decimal QuantityOf(string symbol) => _positions.TryGetValue(symbol, out var p) ? p.Quantity : 0;

    /// <summary>Overwrites a position's quantity and entry with the venue's (force sync); PnL history is kept.</summary>
    public void ForceSet(string symbol, decimal quantity, decimal entryPrice)
    {
        var p = Get(symbol);
        p.Quantity = quantity;
        p.EntryPrice = quantity == 0 ? 0 : entryPrice;
    }

    /// <summary>A snapshot marked at <paramref name="markPrice"/> (or the last fill price when null).</summary>
    public PositionSnapshot Snapshot(string symbol, decimal? markPrice = null)
    {
        var p = _positions.GetValueOrDefault(symbol) ?? new Entry();
        var mark = markPrice ?? p.LastPrice;
        var unrealized = p.Quantity == 0 ? 0 : (mark - p.EntryPrice) * p.Quantity;
        return new PositionSnapshot(symbol, p.Quantity, p.EntryPrice, p.Realized, p.Fees, p.Funding, mark, unrealized);
    }

    /// <summary>Snapshots of every symbol ever traded, marked at the last fill price.</summary>
    public IReadOnlyList<PositionSnapshot> All() => [.. _positions.Keys.Order(StringComparer.Ordinal).Select(s => Snapshot(s))];

    private Entry Get(string symbol)
    {
        if (!_positions.TryGetValue(symbol, out var p))
        {
            p = new Entry();
            _positions.Add(symbol, p);
        }

        return p;
    }

    private sealed class Entry
    {
        public decimal Quantity;
        public decimal EntryPrice;
        public decimal Realized;
        public decimal Fees;
        public decimal Funding;
        public decimal LastPrice;
    }
}
