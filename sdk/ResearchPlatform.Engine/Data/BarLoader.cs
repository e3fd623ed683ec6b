using System.Globalization;
using Apache.Arrow;
using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data;

/// <summary>
/// Loads bars from DuckDB into a <see cref="BarSeries"/> through Arrow record batches: the row count sizes the arrays
/// once, each batch's value buffers are block-copied into them, and the result is put in time order only when DuckDB
/// returned it otherwise (imports insert row groups in parallel): by reordering whole batches when each is a sorted run,
/// else by a full sort.
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
        var blocks = new List<(int Offset, int Length)>();
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
                    blocks.Add((k, len));
                    k += len;
                }
            }
        }

        if (k != n)
        {
            throw new InvalidOperationException($"bars of {symbol} {interval} changed while loading ({k} of {n})");
        }

        if (!IsSorted(t) && !TryReorderBlocks(blocks, ref t, ref o, ref h, ref l, ref c, ref v))
        {
            SortByTime(t, [o, h, l, c, v]);
        }

        return new BarSeries(symbol, interval, t, o, h, l, c, v);
    }

    private static bool IsSorted(ReadOnlySpan<long> t)
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

    /// <summary>
    /// When every batch is a strictly increasing run and the runs do not overlap, puts the runs in order by copying whole
    /// blocks (cheap); returns false when a full sort is needed.
    /// </summary>
    private static bool TryReorderBlocks(
        List<(int Offset, int Length)> blocks, ref long[] t, ref double[] o, ref double[] h, ref double[] l, ref double[] c, ref double[] v)
    {
        foreach (var (offset, length) in blocks)
        {
            if (length > 0 && !IsSorted(t.AsSpan(offset, length)))
            {
                return false;
            }
        }

        var times = t;
        var ordered = blocks.Where(b => b.Length > 0).OrderBy(b => times[b.Offset]).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var prev = ordered[i - 1];
            if (t[prev.Offset + prev.Length - 1] >= t[ordered[i].Offset])
            {
                return false;
            }
        }

        t = Reorder(t, ordered);
        o = Reorder(o, ordered);
        h = Reorder(h, ordered);
        l = Reorder(l, ordered);
        c = Reorder(c, ordered);
        v = Reorder(v, ordered);
        return true;
    }

    private static T[] Reorder<T>(T[] source, List<(int Offset, int Length)> ordered)
    {
        var result = new T[source.Length];
        var k = 0;
        foreach (var (offset, length) in ordered)
        {
            source.AsSpan(offset, length).CopyTo(result.AsSpan(k));
            k += length;
        }

        return result;
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
