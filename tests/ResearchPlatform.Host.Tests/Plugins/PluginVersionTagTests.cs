using ResearchPlatform.Host.Plugins;

namespace ResearchPlatform.Host.Tests.Plugins;

public sealed class PluginVersionTagTests : IDisposable
{
    private readonly PluginSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Compute_IdenticalCopies_SameTag()
    {
        var a = _sandbox.Add(PluginSandbox.WithDependency, "a");
        var b = _sandbox.Add(PluginSandbox.WithDependency, "b");

        Assert.Equal(PluginVersionTag.Compute(a, "1.0.0"), PluginVersionTag.Compute(b, "1.0.0"));
        Assert.Matches("^2\\.0\\.0\\+[0-9a-f]{12}$", PluginVersionTag.Compute(a, "2.0.0"));
    }

    [Fact]
    public void Compute_DependencyChangedOrRemoved_TagChanges()
    {
        var folder = _sandbox.Add(PluginSandbox.WithDependency);
        var dependency = Path.Combine(folder, PluginSandbox.DependencyAssembly);
        var original = PluginVersionTag.Compute(folder, "1.0.0");

        var bytes = File.ReadAllBytes(dependency);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(dependency, bytes);
        var changed = PluginVersionTag.Compute(folder, "1.0.0");
        File.Delete(dependency);
        var removed = PluginVersionTag.Compute(folder, "1.0.0");

        Assert.Equal(3, new[] { original, changed, removed }.Distinct().Count());
    }

    [Fact]
    public void Compute_NonDllFilesChanged_TagUnchanged()
    {
        var folder = _sandbox.Add(PluginSandbox.Good);
        var before = PluginVersionTag.Compute(folder, "1.2.3");

        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not code");

        Assert.Equal(before, PluginVersionTag.Compute(folder, "1.2.3"));
    }
}
