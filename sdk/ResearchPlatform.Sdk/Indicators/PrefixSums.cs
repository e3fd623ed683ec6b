using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ResearchPlatform.Sdk.Indicators;

/// <summary>
/// Compensated (double-double) prefix sums of a series, so that the sum of any window is exact to about one ulp of
/// the window sum itself, whatever the magnitude of the running total. This is what makes one prefix array serve
/// every rolling window (the "one rolling-sum table serves every window" batch path) without the drift of a naive
/// running sum (after 45k bars of BTC prices a plain prefix sum errs by about 1e-7 per window sum).
/// </summary>
public sealed class PrefixSums
{
    private static readonly Vector512<long> Reverse = Vector512.Create(7L, 6, 5, 4, 3, 2, 1, 0);
    private static readonly Vector512<double> Steps = Vector512.Create(0.0, 1, 2, 3, 4, 5, 6, 7);
    private readonly double[] _hi;
    private readonly double[] _lo;

    private PrefixSums(double[] hi, double[] lo)
    {
        _hi = hi;
        _lo = lo;
    }

    /// <summary>Number of input values.</summary>
    public int Count => _hi.Length - 1;

    /// <summary>Prefix sums of <paramref name="values"/>.</summary>
    public static PrefixSums Of(ReadOnlySpan<double> values)
    {
        var hi = new double[values.Length + 1];
        var lo = new double[values.Length + 1];
        double h = 0, l = 0;
        for (var i = 0; i < values.Length; i++)
        {
            Add(ref h, ref l, values[i], 0);
            hi[i + 1] = h;
            lo[i + 1] = l;
        }

        return new PrefixSums(hi, lo);
    }

    /// <summary>Prefix sums of the squares of <paramref name="values"/> (each square taken exactly via FMA).</summary>
    public static PrefixSums OfSquares(ReadOnlySpan<double> values)
    {
        var hi = new double[values.Length + 1];
        var lo = new double[values.Length + 1];
        double h = 0, l = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var p = values[i] * values[i];
            Add(ref h, ref l, p, Math.FusedMultiplyAdd(values[i], values[i], -p));
            hi[i + 1] = h;
            lo[i + 1] = l;
        }

        return new PrefixSums(hi, lo);
    }

    /// <summary>Prefix sums of the products x[i] * y[i] (each product taken exactly via FMA).</summary>
    public static PrefixSums OfProducts(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"lengths differ ({x.Length} vs {y.Length})", nameof(y));
        }

        var hi = new double[x.Length + 1];
        var lo = new double[x.Length + 1];
        double h = 0, l = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var p = x[i] * y[i];
            Add(ref h, ref l, p, Math.FusedMultiplyAdd(x[i], y[i], -p));
            hi[i + 1] = h;
            lo[i + 1] = l;
        }

        return new PrefixSums(hi, lo);
    }

    /// <summary>Sum of values [end - length + 1, end] (inclusive); <paramref name="length"/> &gt;= 1.</summary>
    public double WindowSum(int end, int length) => Diff(end + 1, end + 1 - length);

    /// <summary>Mean of values [end - length + 1, end]; NaN when the window starts before index 0.</summary>
    public double WindowMean(int end, int length) => end + 1 < length ? double.NaN : Diff(end + 1, end + 1 - length) / length;

    /// <summary>
    /// Writes a time-major table of rolling means: <c>table[(t - start) * maxWindow + (w - 1)]</c> = mean of the
    /// <c>w</c> values ending at <c>t</c>, for t in [start, start + count) and w in 1..maxWindow; NaN while t + 1 &lt; w.
    /// Same numbers as <see cref="WindowMean"/>.
    /// </summary>
    public void FillMeanTable(int start, int count, int maxWindow, Span<double> table)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWindow, 1);
        if (start < 0 || count < 0 || start + count > Count || table.Length < count * maxWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"rows [{start}, {start + count}) x {maxWindow} do not fit");
        }

        for (var r = 0; r < count; r++)
        {
            var t = start + r;
            var row = table.Slice(r * maxWindow, maxWindow);
            var valid = Math.Min(maxWindow, t + 1);
            var bh = _hi[t + 1];
            var bl = _lo[t + 1];
            for (var w = 1; w <= valid; w++)
            {
                var a = t + 1 - w;
                row[w - 1] = Diff(bh, bl, _hi[a], _lo[a]) / w;
            }

            row[valid..].Fill(double.NaN);
        }
    }

    /// <summary>
    /// Writes a time-major table of rolling means for the listed windows only:
    /// <c>table[(t - start) * windows.Length + j]</c> = mean of the <c>windows[j]</c> values ending at t; NaN while
    /// t + 1 &lt; windows[j]. Same numbers as <see cref="WindowMean"/>.
    /// </summary>
    public void FillMeanTable(int start, int count, ReadOnlySpan<int> windows, Span<double> table) =>
        FillMeanTable(start, count, windows, table, windows.Length);

    /// <summary>
    /// <see cref="FillMeanTable(int, int, ReadOnlySpan{int}, Span{double})"/> into rows of <paramref name="stride"/>
    /// values (&gt;= windows.Length): <c>table[(t - start) * stride + j]</c>; the rest of each row is left as it is.
    /// <paramref name="windows"/> must be ascending. Eight windows at a time run as one vector (consecutive windows
    /// load their starts contiguously, others gather them), with the same operations as <see cref="WindowMean"/>.
    /// </summary>
    public void FillMeanTable(int start, int count, ReadOnlySpan<int> windows, Span<double> table, int stride)
    {
        var width = windows.Length;
        if (start < 0 || count < 0 || start + count > Count || stride < width || table.Length < ((count - 1) * stride) + width)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"rows [{start}, {start + count}) x {width} (stride {stride}) do not fit");
        }

        Span<int> at = stackalloc int[8];
        for (var r = 0; r < count; r++)
        {
            var t = start + r;
            var row = table.Slice(r * stride, width);
            var bh = _hi[t + 1];
            var bl = _lo[t + 1];
            var j = 0;

            // 8 windows whose starts lie inside the series: one vector (same operations as Diff)
            while (j + 8 <= width && t + 1 - windows[j + 7] >= 0)
            {
                Vector512<double> vah, val, w;
                if (windows[j + 7] == windows[j] + 7)
                {
                    var a = t + 1 - windows[j] - 7;
                    vah = Vector512.Shuffle(Vector512.Create<double>(_hi.AsSpan(a, 8)), Reverse);
                    val = Vector512.Shuffle(Vector512.Create<double>(_lo.AsSpan(a, 8)), Reverse);
                    w = Vector512.Create((double)windows[j]) + Steps;
                }
                else
                {
                    var ws = windows.Slice(j, 8);
                    for (var k = 0; k < 8; k++)
                    {
                        at[k] = t + 1 - ws[k];
                    }

                    (vah, val) = (Gather(_hi, at), Gather(_lo, at));
                    w = Vector512.Create((double)ws[0], ws[1], ws[2], ws[3], ws[4], ws[5], ws[6], ws[7]);
                }

                var vbh = Vector512.Create(bh);
                var d = vbh - vah;
                var bb = d - vbh;
                var err = (vbh - (d - bb)) + (-vah - bb);
                var sum = d + (err + (Vector512.Create(bl) - val));
                (sum / w).CopyTo(row.Slice(j, 8));
                j += 8;
            }

            for (; j < width; j++)
            {
                var w = windows[j];
                var a = t + 1 - w;
                row[j] = a < 0 ? double.NaN : Diff(bh, bl, _hi[a], _lo[a]) / w;
            }
        }
    }

    /// <summary>
    /// <see cref="WindowMean"/> for 8 windows at once: element k is the mean of the <c>lengths[k]</c> values ending at
    /// <c>ends[k]</c> (&lt; <see cref="Count"/>), NaN when the window starts before index 0 (same operations, so the
    /// same numbers).
    /// </summary>
    public Vector512<double> WindowMeans(ReadOnlySpan<int> ends, ReadOnlySpan<int> lengths)
    {
        if (ends.Length < 8 || lengths.Length < 8)
        {
            throw new ArgumentException("8 ends and 8 lengths are needed", nameof(ends));
        }

        Span<int> bs = stackalloc int[8];
        Span<int> at = stackalloc int[8];
        var inside = true;
        for (var k = 0; k < 8; k++)
        {
            bs[k] = ends[k] + 1;
            at[k] = bs[k] - lengths[k];
            inside &= at[k] >= 0 & bs[k] <= Count;
        }

        if (!inside)
        {
            // warm-up (a window starting before index 0): element-wise, NaN where WindowMean gives NaN
            return Vector512.Create(
                WindowMean(ends[0], lengths[0]), WindowMean(ends[1], lengths[1]), WindowMean(ends[2], lengths[2]), WindowMean(ends[3], lengths[3]),
                WindowMean(ends[4], lengths[4]), WindowMean(ends[5], lengths[5]), WindowMean(ends[6], lengths[6]), WindowMean(ends[7], lengths[7]));
        }

        var bh = Gather(_hi, bs);
        var ah = Gather(_hi, at);
        var d = bh - ah;
        var bb = d - bh;
        var err = (bh - (d - bb)) + (-ah - bb);
        var sum = d + (err + (Gather(_lo, bs) - Gather(_lo, at)));
        return sum / Vector512.Create((double)lengths[0], lengths[1], lengths[2], lengths[3], lengths[4], lengths[5], lengths[6], lengths[7]);
    }

    /// <summary>The 8 values <c>values[at[k]]</c> as one vector (element inserts, no store-to-load round trip).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Gather(double[] values, ReadOnlySpan<int> at) =>
        Vector512.Create(values[at[0]], values[at[1]], values[at[2]], values[at[3]], values[at[4]], values[at[5]], values[at[6]], values[at[7]]);

    private double Diff(int b, int a) => Diff(_hi[b], _lo[b], _hi[a], _lo[a]);

    private static double Diff(double bh, double bl, double ah, double al)
    {
        // two-diff of the high parts (exact), then the low parts.
        var d = bh - ah;
        var bb = d - bh;
        var err = (bh - (d - bb)) + (-ah - bb);
        return d + (err + (bl - al));
    }

    private static void Add(ref double hi, ref double lo, double x, double xLo)
    {
        var s = hi + x;
        var bb = s - hi;
        var err = (hi - (s - bb)) + (x - bb);
        lo += err + xLo;
        var h = s + lo;
        lo -= h - s;
        hi = h;
    }
}
