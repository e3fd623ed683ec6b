using System.Globalization;
using Apache.Arrow;
using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data;

/// <summary>
/// Loads bars from DuckDB into a <see cref="BarSeries"/> through Arrow record batches: the row count sizes the arrays
/// once, each batch's value buffers are block-copied into them, and the result is sorted by open time only when DuckDB's
/// parallel scan returned it out of order.
/// </summary>
internal static class BarLoader
{
    public static async Task<BarSeries> LoadAsync(
        DuckDBConnection con, string symbol, BarInterval interval, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var where = "symbol = $sym AND interval = $iv AND ($from IS NULL OR open_time >= epoch_ms($from)) AND ($to IS NULL OR open_time < epoch_ms($to))";
        (string, object?)[] p =
        [
            ("sym", symbol),
            ("iv", interval.Code),
            ("from", from?.ToUnixTimeMilliseconds()),
            ("to", to?.ToUnixTimeMilliseconds()),
        ];
        var n = checked((int)Convert.ToInt64(con.Scalar($"SELECT count(*) FROM bars WHERE {where}", p), CultureInfo.InvariantCulture));
        var t = new long[n];
        var o = new double[n];
        var h = new double[n];
        var l = new double[n];
        var c = new double[n];
        var v = new double[n];
        var k = 0;
        using (var cmd = con.Prepare($"SELECT epoch_ms(open_time), open, high, low, close, volume FROM bars WHERE {where}", p))
        {
            await foreach (var batch in cmd.ExecuteArrowBatchesAsync(ct))
            {
                using (batch)
                {
                    var len = batch.Length;
                    if (k + len > n)
                    {
                        throw new InvalidOperationException($"bars of {symbol} {interval} changed while loading");
                    }

                    ((Int64Array)batch.Column(0)).Values.CopyTo(t.AsSpan(k));
                    ((DoubleArray)batch.Column(1)).Values.CopyTo(o.AsSpan(k));
                    ((DoubleArray)batch.Column(2)).Values.CopyTo(h.AsSpan(k));
                    ((DoubleArray)batch.Column(3)).Values.CopyTo(l.AsSpan(k));
                    ((DoubleArray)batch.Column(4)).Values.CopyTo(c.AsSpan(k));
                    ((DoubleArray)batch.Column(5)).Values.CopyTo(v.AsSpan(k));
                    k += len;
                }
            }
        }

        if (k != n)
        {
            throw new InvalidOperationException($"bars of {symbol} {interval} changed while loading ({k} of {n})");
        }

        if (!IsSorted(t))
        {
            SortByTime(t, [o, h, l, c, v]);
        }

        return new BarSeries(symbol, interval, t, o, h, l, c, v);
    }

    private static bool IsSorted(long[] t)
    {
        for (var i = 1; i < t.Length; i++)
        {
            if (t[i] <= t[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static void SortByTime(long[] t, double[][] columns)
    {
        var order = new int[t.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        System.Array.Sort(t, order);
        var tmp = new double[t.Length];
        foreach (var col in columns)
        {
            for (var i = 0; i < order.Length; i++)
            {
                tmp[i] = col[order[i]];
            }

            tmp.AsSpan().CopyTo(col);
        }
    }
}
