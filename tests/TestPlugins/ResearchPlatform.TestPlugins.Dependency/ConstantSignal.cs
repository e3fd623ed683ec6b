namespace ResearchPlatform.TestPlugins.Dependency;

/// <summary>A value held by the WithDependency test plugin, living in a separate assembly.</summary>
public sealed class ConstantSignal(double level)
{
    public double Level => level;
}
