using ResearchPlatform.Host.Plugins;

namespace ResearchPlatform.Host.Tests.Plugins;

public sealed class PluginSearchPathsTests
{
    private static readonly string Base = Path.Combine(Path.GetTempPath(), "rp-base");

    [Fact]
    public void Resolve_NothingConfigured_OnlyBuildOutputWhichMayBeMissing()
    {
        var paths = PluginSearchPaths.Resolve(Base, null, "  ");

        var root = Assert.Single(paths.Roots);
        Assert.Equal(new PluginSearchRoot(Path.Combine(Base, "plugins"), PluginSearchPaths.BuildOutputOrigin, false), root);
    }

    [Fact]
    public void Resolve_EnvironmentAndOption_SplitTrimmedOrderedAndDeduplicated()
    {
        var a = Path.Combine(Base, "a");
        var b = Path.Combine(Base, "b");
        var c = Path.Combine(Base, "c");
        var sep = Path.PathSeparator;

        var paths = PluginSearchPaths.Resolve(Base, $" {a} {sep}{sep}{b}{Path.DirectorySeparatorChar}", $"{b}{sep}{c}{sep}{Path.Combine(Base, "plugins")}");

        Assert.Equal(
            [
                $"{Path.Combine(Base, "plugins")}|{PluginSearchPaths.BuildOutputOrigin}|False",
                $"{a}|{PluginSearchPaths.EnvironmentVariable}|True",
                $"{b}|{PluginSearchPaths.EnvironmentVariable}|True",
                $"{c}|{PluginSearchPaths.OptionOrigin}|True",
            ],
            paths.Roots.Select(r => $"{r.Path}|{r.Origin}|{r.MustExist}"));
    }
}
