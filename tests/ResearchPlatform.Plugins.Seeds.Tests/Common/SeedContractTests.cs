using System.Text.Json;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Backtesting.Benchmarks;
using ResearchPlatform.Plugins.Seeds.Tests.TestSupport;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.Seeds.Tests.Common;

/// <summary>Properties every seed type must have: defaults valid, no look-ahead, block-independent, batch == single.</summary>
public sealed class SeedContractTests
{
    private static readonly BarSeries Bars = TestBars.RandomWalk(2_500, 7, 20_000);

    public static TheoryData<string> SeedIds => ["momentum", "mean_reversion", "breakout", "volatility"];

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Defaults_AreValidAndInsideBounds(string id)
    {
        var seed = Seed(id);
        var (errors, warnings) = GeneValidation.Check(seed, GeneValidation.Defaults(seed));
        Assert.Empty(errors);
        Assert.Empty(warnings);
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Targets_RandomGenes_InRangeAndWithoutLookAhead(string id)
    {
        var seed = Seed(id);
        var population = BacktestBench.RandomPopulation([seed], 12, 3)[0];
        var g = seed.Genes.Count;
        const int cut = 1_700;
        var truncated = Bars.Slice(0, cut);
        var nonZero = 0;
        for (var s = 0; s < population.Count; s++)
        {
            var genes = population.Genes.AsSpan(s * g, g).ToArray();
            var full = Signals.Targets(seed, Bars, genes);
            Assert.All(full, v => Assert.InRange(v, -1, 1));
            Assert.Equal(Signals.Targets(seed, truncated, genes), full.Take(cut));
            Assert.Equal(full, Signals.TargetsInBlocks(seed, Bars, genes, 97));
            nonZero += full.Count(v => v != 0);
        }

        Assert.True(nonZero > 0, "the random individuals never took a position");
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void RunBatch_RandomGenes_EqualsSingleBacktests(string id)
    {
        var seed = Seed(id);
        var (_, genes, count) = BacktestBench.RandomPopulation([seed], 19, 5)[0];
        BarRange[] windows = [BarRange.All(Bars.Count), new(1_000, 2_000)];
        var options = new BacktestOptions { StopLossPct = 4 };
        var batch = BacktestEngine.RunBatch(Bars, seed, genes, count, options, windows, 2, default);
        var g = seed.Genes.Count;
        for (var s = 0; s < count; s++)
        {
            for (var w = 0; w < windows.Length; w++)
            {
                Assert.Equal(Backtest.Run(Bars, seed, genes.AsSpan(s * g, g), options, windows[w]).Metrics, batch.Get(s, w));
            }
        }
    }

    [Fact]
    public void Fill_OutOfOrderBlock_Throws()
    {
        ISignalGenerator gen = new Seeds.Momentum.MomentumSeed().CreateGenerator(Bars, [0, 0, 10, 30, 1, 0, 5, 20], 2);
        var buf = new double[200];
        gen.Fill(0, 100, 0, 2, buf);
        Assert.Throws<InvalidOperationException>(() => gen.Fill(150, 50, 0, 2, buf));
        gen.Fill(100, 50, 1, 1, buf);
        Assert.Throws<InvalidOperationException>(() => gen.Fill(0, 10, 1, 1, buf));
    }

    [Fact]
    public void PluginManifest_ProvidesExactlyTheSeedIds()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "plugin.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
        var provides = doc.RootElement.GetProperty("provides").EnumerateArray().Select(e => e.GetString()).Order().ToArray();
        Assert.Equal(Signals.All().Select(s => "seed:" + s.Id).Order().ToArray(), provides);
    }

    private static ISeedType Seed(string id) => Signals.All().Single(s => s.Id == id);
}
