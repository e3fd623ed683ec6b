using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.TestPlugins.Good;

/// <summary>Writes one constant target per strategy on every bar.</summary>
internal sealed class ConstantSignalGenerator(double[] levels) : ISignalGenerator
{
    public int StrategyCount => levels.Length;

    public void Fill(int start, int count, Span<double> targets)
    {
        for (var t = 0; t < count; t++)
        {
            levels.CopyTo(targets.Slice(t * levels.Length, levels.Length));
        }
    }
}
