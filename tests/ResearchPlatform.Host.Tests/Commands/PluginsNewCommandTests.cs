using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands;

namespace ResearchPlatform.Host.Tests.Commands;

public sealed class PluginsNewCommandTests
{
    [Fact]
    public void Scaffold_UnknownKind_IsBadInputNamingTheKind()
    {
        using var dir = new TempDir();
        var ex = Assert.Throws<BadInputException>(() => PluginsNewCommand.Scaffold("Fine", "broker", Path.Combine(dir.Path, "x")));
        Assert.Contains("no template for kind 'broker'", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "x")));
    }

    [Fact]
    public void Scaffold_EveryKind_ReplacesEveryPlaceholder()
    {
        using var dir = new TempDir();
        foreach (var kind in PluginsNewCommand.Kinds)
        {
            var folder = PluginsNewCommand.Scaffold("MyPlugin", kind, Path.Combine(dir.Path, kind));
            Assert.True(File.Exists(Path.Combine(folder, "MyPlugin.csproj")), kind);
            foreach (var file in Directory.GetFiles(folder))
            {
                Assert.DoesNotContain("__", Path.GetFileName(file), StringComparison.Ordinal);
                var text = File.ReadAllText(file);
                Assert.DoesNotContain("__NAME__", text, StringComparison.Ordinal);
                Assert.DoesNotContain("__ID__", text, StringComparison.Ordinal);
                Assert.DoesNotContain("__SDK_", text, StringComparison.Ordinal);
            }

            Assert.Contains($"\"{kind}:my_plugin\"", File.ReadAllText(Path.Combine(folder, "plugin.json")), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1bad")]
    [InlineData("has-dash")]
    public void Scaffold_BadName_IsBadInput(string name)
    {
        using var dir = new TempDir();
        var ex = Assert.Throws<BadInputException>(() => PluginsNewCommand.Scaffold(name, "seed", Path.Combine(dir.Path, "x")));
        Assert.Contains("letters and digits", ex.Message, StringComparison.Ordinal);
    }
}
