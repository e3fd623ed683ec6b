using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.TestPlugins.WithDependency;

/// <summary>Writes the same target for every strategy on every bar.</summary>
internal sealed class DependentSignalGenerator(double level, int strategyCount) : ISignalGenerator
{
    public int StrategyCount => strategyCount;

    public void Fill(int start, int count, int firstLane, int laneCount, Span<double> targets) =>
        targets[..(count * laneCount)].Fill(level);
}
