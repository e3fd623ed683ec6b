using System.Runtime.Intrinsics;
using ResearchPlatform.Plugins.Seeds.Common;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Indicators;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace ResearchPlatform.Plugins.Seeds.Breakout;

/// <summary>
/// The shared ATR series of the breakout lanes, 8 periods per vector. (A SIMD lane path for the breakout rule itself
/// was measured 1.6 times slower than the scalar lanes: it must gather 9 values per lane and bar from the lanes' own
/// sparse-table rows, where the scalar rule's short-circuit reads 2 to 4; see docs/backtesting.md, session 4.)
/// </summary>
internal sealed partial class BreakoutGenerator
{
    /// <summary>ATR (Wilder) of every period, 8 periods per vector over the one true range of each bar (as AtrState).</summary>
    private static Dictionary<int, double[]> AtrSeries(BarSeries bars, int[] periods)
    {
        var result = new Dictionary<int, double[]>();
        var n = bars.Count;
        if (periods.Length > 0 && periods[0] < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(periods), $"atr_period {periods[0]} must be >= 1");
        }

        Span<int> chunk = stackalloc int[8];
        for (var k = 0; k < periods.Length; k += 8)
        {
            var lanes = Math.Min(8, periods.Length - k);
            for (var j = 0; j < 8; j++)
            {
                chunk[j] = periods[Math.Min(k + j, periods.Length - 1)];
            }

            var (keep, inverse) = WilderLanes.Constants(chunk);
            var period = Vector512.Create((double)chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]);
            var series = new double[8 * n];
            var (sum, value) = (V.Zero, Vector512.Create(double.NaN));
            for (var t = 0; t < n; t++)
            {
                var tr = AtrState.TrueRange(bars.High[t], bars.Low[t], t > 0 ? bars.Close[t - 1] : double.NaN);
                WilderLanes.Next(ref sum, ref value, Vector512.Create(tr), Vector512.Create((double)t), period, keep, inverse);
                value.StoreUnsafe(ref series[8 * t]);
            }

            for (var j = 0; j < lanes; j++)
            {
                var atr = new double[n];
                for (var t = 0; t < n; t++)
                {
                    atr[t] = series[(8 * t) + j];
                }

                result[chunk[j]] = atr;
            }
        }

        return result;
    }
}
