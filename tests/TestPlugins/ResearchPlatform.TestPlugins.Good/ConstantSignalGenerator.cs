using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.TestPlugins.Good;

/// <summary>Writes one constant target per strategy on every bar.</summary>
internal sealed class ConstantSignalGenerator(double[] levels) : ISignalGenerator
{
    public int StrategyCount => levels.Length;

    public void Fill(int start, int count, int firstLane, int laneCount, Span<double> targets)
    {
        for (var t = 0; t < count; t++)
        {
            levels.AsSpan(firstLane, laneCount).CopyTo(targets.Slice(t * laneCount, laneCount));
        }
    }
}
