using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands;
using ResearchPlatform.Host.Plugins;

namespace ResearchPlatform.Host.Tests.Commands;

public sealed class PluginsNewCommandTests
{
    [Fact]
    public void Scaffold_SeedPlugin_CompilesAgainstTheSdkAndLoadsWithItsSeedType()
    {
        using var dir = new TempDir();
        var folder = PluginsNewCommand.Scaffold("TrendPlus", "seed", Path.Combine(dir.Path, "TrendPlus"));
        var output = Path.Combine(folder, "bin");
        Directory.CreateDirectory(output);
        File.Copy(Path.Combine(folder, "plugin.json"), Path.Combine(output, "plugin.json"));

        // What `dotnet build` does with the generated project (checked by hand; too slow for the suite): compile the
        // sources with implicit usings against the framework and the host's Sdk.
        var csproj = File.ReadAllText(Path.Combine(folder, "TrendPlus.csproj"));
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, "ResearchPlatform.Sdk.dll"), csproj, StringComparison.Ordinal);
        Assert.Contains("<Private>false</Private>", csproj, StringComparison.Ordinal);
        var trees = Directory.GetFiles(folder, "*.cs").Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f))
            .Append(CSharpSyntaxTree.ParseText("global using System; global using System.Linq; global using System.Collections.Generic;"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "ResearchPlatform.Sdk.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("TrendPlus", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var emit = compilation.Emit(Path.Combine(output, "TrendPlus.dll"));
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        Assert.DoesNotContain(emit.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(output));
        var plugin = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.Loaded, plugin.Status);
        Assert.True(catalog.TryGetSeedType("trend_plus", out var seed));
        var bars = Plugins.TestSeries.Hourly(4); // closes 100, 101, 102, 103: above the SMA(2) from bar 1
        var targets = new double[4];
        seed.CreateGenerator(bars, [2], 1).Fill(0, 4, targets);
        Assert.Equal([0, 1, 1, 1], targets);
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
