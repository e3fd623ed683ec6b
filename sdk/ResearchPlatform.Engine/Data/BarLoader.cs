using System.Globalization;
using System.Runtime.InteropServices;
using Apache.Arrow;
using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data;

/// <summary>
/// Loads bars from DuckDB into a <see cref="BarSeries"/> through Arrow record batches: a row count sizes the arrays once
/// and each batch's value buffers are block-copied into them and released at once. Imports insert row groups in parallel,
/// so a scan may return time-sorted runs out of order: non-overlapping runs are put in order by moving whole blocks through
/// one scratch buffer; only overlapping runs (bars of one series imported interleaved) need a full sort.
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
        double[][] values = [new double[n], new double[n], new double[n], new double[n], new double[n]];
        var runs = new List<Run>();
        var k = 0;
        using (var cmd = con.Prepare($"SELECT epoch_ms(open_time), open, high, low, close, volume FROM bars WHERE {where}", p))
        {
            await foreach (var batch in cmd.ExecuteArrowBatchesAsync(ct))
            {
                using (batch)
                {
                    var len = batch.Length;
                    if (len == 0)
                    {
                        continue;
                    }

                    if (k + len > n)
                    {
                        throw new InvalidOperationException($"bars of {symbol} {interval} changed while loading");
                    }

                    ((Int64Array)batch.Column(0)).Values.CopyTo(t.AsSpan(k));
                    for (var col = 0; col < values.Length; col++)
                    {
                        ((DoubleArray)batch.Column(col + 1)).Values.CopyTo(values[col].AsSpan(k));
                    }

                    runs.Add(new Run(k, len, IsSorted(t.AsSpan(k, len))));
                    k += len;
                }
            }
        }

        if (k != n)
        {
            throw new InvalidOperationException($"bars of {symbol} {interval} changed while loading ({k} of {n})");
        }

        PutInTimeOrder(t, values, runs);
        return new BarSeries(symbol, interval, t, values[0], values[1], values[2], values[3], values[4]);
    }

    private static void PutInTimeOrder(long[] t, double[][] values, List<Run> runs)
    {
        if (IsSorted(t))
        {
            return;
        }

        var ordered = runs.OrderBy(r => t[r.Offset]).ToList();
        var disjoint = runs.TrueForAll(r => r.Sorted);
        for (var i = 1; i < ordered.Count && disjoint; i++)
        {
            disjoint = t[ordered[i - 1].Offset + ordered[i - 1].Length - 1] < t[ordered[i].Offset];
        }

        if (!disjoint)
        {
            SortByTime(t, values);
            return;
        }

        var scratch = new long[t.Length];
        MoveBlocks(t, scratch, ordered);
        foreach (var column in values)
        {
            MoveBlocks(MemoryMarshal.Cast<double, long>(column.AsSpan()), scratch, ordered);
        }
    }

    /// <summary>Rewrites <paramref name="column"/> with its blocks in the given order (through <paramref name="scratch"/>).</summary>
    private static void MoveBlocks(Span<long> column, long[] scratch, List<Run> ordered)
    {
        var k = 0;
        foreach (var r in ordered)
        {
            column.Slice(r.Offset, r.Length).CopyTo(scratch.AsSpan(k));
            k += r.Length;
        }

        scratch.AsSpan(0, k).CopyTo(column);
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

    /// <summary>A batch's place in the arrays and whether its open times strictly increase.</summary>
    private readonly record struct Run(int Offset, int Length, bool Sorted);
}
