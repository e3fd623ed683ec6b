using ResearchPlatform.Engine.Backtesting.Benchmarks;
using ResearchPlatform.Plugins.Seeds.MeanReversion;
using ResearchPlatform.Plugins.Seeds.Tests.TestSupport;
using ResearchPlatform.Plugins.Seeds.Volatility;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.Seeds.Tests.Common;

/// <summary>
/// The vectorized group paths (8 lanes per call: contiguous, gathered and per-seed SIMD paths) against the scalar
/// reference path (one lane per call) on random genes and random series: the targets must be bit-identical.
/// </summary>
public sealed class GroupPathEquivalenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fill_MomentumRandomGroups_GroupPathsEqualScalarPath(int seed)
    {
        var rng = new Random(seed);
        var bars = TestBars.RandomWalk(1_300, seed, 200);
        const int groups = 24;
        var genes = new List<double>();
        for (var g = 0; g < groups; g++)
        {
            // a third grid-like (one fast window, consecutive slow windows: the contiguous path), a third one table
            // with random windows and modes (the gathered path), a third with any moving average (scalar fallback)
            var kind = g % 3;
            var ma = rng.Next(2);
            var fast0 = rng.Next(2, 60);
            var cross = rng.Next(2);
            for (var j = 0; j < 8; j++)
            {
                var fast = kind == 0 ? fast0 : rng.Next(2, 100);
                var slow = kind == 0 ? fast0 + 1 + j : fast + 1 + rng.Next(0, 150);
                genes.AddRange([kind == 0 ? cross : rng.Next(2), kind == 2 ? rng.Next(3) : ma, fast, slow]);
            }
        }

        AssertGroupEqualsScalar(new Seeds.Momentum.MomentumSeed(), bars, [.. genes], groups * 8);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Fill_MeanReversionRandomGroups_SimdPathEqualsScalarPath(int seed)
    {
        // random valid genes over the whole search box (mixed signals per group), plus explicit corners: periods
        // beyond the series' warm-up, no stop, exits at the mean
        var bars = TestBars.RandomWalk(1_300, seed, 200);
        var (_, genes, count) = BacktestBench.RandomPopulation([new MeanReversionSeed()], 64, seed)[0];
        double[] corners = [0, 2, 0.5, 0, 0, 1, 2, 1, 0, 20, 2, 400, 3, 0.9, 0, 1, 1300, 4, 0.5, 5, 0, 7, 0.6, 0.1, 1, 1, 3, 2.5, 0.2, 2, 2, 9, 1.5, 0, 0.5, 1, 30, 4.9, 0.7, 15];
        AssertGroupEqualsScalar(new MeanReversionSeed(), bars, [.. genes, .. corners], count + 8);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Fill_VolatilityRandomGroups_SimdPathEqualsScalarPath(int seed)
    {
        // random valid genes (realized and ATR lanes mixed per group), plus corners: windows longer than the series,
        // tiny targets (size floor 0.01), huge targets (size cap 1)
        var bars = TestBars.RandomWalk(1_300, seed, 200);
        var (_, genes, count) = BacktestBench.RandomPopulation([new VolatilitySeed()], 64, seed)[0];
        double[] corners = [0, 2, 3, 1, 2, 50, 1, 2, 3, 1, 2, 50, 0, 50, 1400, 1.2, 30, 10, 1, 50, 1400, 1.2, 30, 10, 0, 5, 20, 1.5, 1300, 0.1, 1, 5, 20, 1.5, 10, 0.1, 0, 10, 40, 0.7, 5, 900, 1, 10, 40, 0.7, 5, 900];
        AssertGroupEqualsScalar(new VolatilitySeed(), bars, [.. genes, .. corners], count + 8);
    }

    internal static void AssertGroupEqualsScalar(ISeedType seed, BarSeries bars, double[] genes, int count)
    {
        var grouped = seed.CreateGenerator(bars, genes, count);
        var scalar = seed.CreateGenerator(bars, genes, count);
        const int block = 128;
        var a = new double[block * 8];
        var b = new double[block];
        for (var start = 0; start < bars.Count; start += block)
        {
            var n = Math.Min(block, bars.Count - start);
            for (var g = 0; g < count / 8; g++)
            {
                grouped.Fill(start, n, g * 8, 8, a);
                for (var j = 0; j < 8; j++)
                {
                    scalar.Fill(start, n, (g * 8) + j, 1, b);
                    for (var r = 0; r < n; r++)
                    {
                        var lane = (g * 8) + j;
                        Assert.True(
                            BitConverter.DoubleToInt64Bits(b[r]) == BitConverter.DoubleToInt64Bits(a[(r * 8) + j]),
                            $"lane {lane} bar {start + r}: group path {a[(r * 8) + j]}, scalar path {b[r]} (genes {string.Join(",", genes.AsSpan(lane * (genes.Length / count), genes.Length / count).ToArray())})");
                    }
                }
            }
        }
    }
}
