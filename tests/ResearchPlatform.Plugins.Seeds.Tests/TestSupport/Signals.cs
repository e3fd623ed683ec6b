using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.Seeds.Tests.TestSupport;

internal static class Signals
{
    /// <summary>The targets of one gene vector over every bar (one block).</summary>
    public static double[] Targets(ISeedType seed, BarSeries bars, double[] genes)
    {
        ISignalGenerator gen = seed.CreateGenerator(bars, genes, 1);
        var t = new double[bars.Count];
        gen.Fill(0, bars.Count, t);
        return t;
    }

    /// <summary>The same targets requested in uneven blocks, as the engine does.</summary>
    public static double[] TargetsInBlocks(ISeedType seed, BarSeries bars, double[] genes, int block)
    {
        ISignalGenerator gen = seed.CreateGenerator(bars, genes, 1);
        var t = new double[bars.Count];
        for (var s = 0; s < bars.Count; s += block)
        {
            var n = Math.Min(block, bars.Count - s);
            gen.Fill(s, n, 0, 1, t.AsSpan(s, n));
        }

        return t;
    }

    public static ISeedType[] All() =>
    [
        new Seeds.Momentum.MomentumSeed(), new Seeds.MeanReversion.MeanReversionSeed(), new Seeds.Breakout.BreakoutSeed(), new Seeds.Volatility.VolatilitySeed(),
    ];
}
