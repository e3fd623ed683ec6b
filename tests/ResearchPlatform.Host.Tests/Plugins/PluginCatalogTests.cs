using System.Runtime.Loader;
using System.Text.RegularExpressions;
using ResearchPlatform.Host.Plugins;
using ResearchPlatform.Sdk.Risk;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Tests.Plugins;

public sealed class PluginCatalogTests : IDisposable
{
    private readonly PluginSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Load_GoodPlugin_LoadsBothSeedTypesWithVersionTag()
    {
        var folder = _sandbox.Add(PluginSandbox.Good);

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.Loaded, entry.Status);
        Assert.Null(entry.Error);
        Assert.Empty(entry.Warnings);
        Assert.Equal("TestGood", entry.Id);
        Assert.Equal(folder, entry.Folder);
        Assert.Matches(new Regex("^1\\.2\\.3\\+[0-9a-f]{12}$"), entry.VersionTag);
        Assert.Equal(["seed:test_flat", "seed:test_level"], entry.Components.Select(c => c.Key));
        Assert.Equal(["test_flat", "test_level"], catalog.SeedTypes.Select(s => s.Id));
        Assert.All(entry.Components, c => Assert.Equal($"TestGood@{entry.VersionTag}", c.Source));
        Assert.Empty(catalog.Problems);
    }

    [Fact]
    public void Load_GoodPlugin_InstancesUnifyWithHostSdkTypesInCollectibleContext()
    {
        _sandbox.Add(PluginSandbox.Good);

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        Assert.True(catalog.TryGetComponent("seed", "test_level", out var component));
        object instance = component.Instance;
        Assert.True(instance is ISeedType);
        Assert.Contains(typeof(ISeedType), instance.GetType().GetInterfaces());
        var context = AssemblyLoadContext.GetLoadContext(instance.GetType().Assembly)!;
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.True(context.IsCollectible);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(typeof(ISeedType).Assembly));
    }

    [Fact]
    public void TryGetSeedType_LoadedSeed_ProducesSignalsAcrossLoadContexts()
    {
        _sandbox.Add(PluginSandbox.Good);
        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        Assert.True(catalog.TryGetSeedType("TEST_LEVEL", out var seed));
        Assert.False(catalog.TryGetSeedType("momentum", out var missing));
        Assert.Null(missing);

        var bars = TestSeries.Hourly(5);
        var generator = seed.CreateGenerator(bars, [0.3, -0.7], 2);
        var targets = new double[4 * 2];
        generator.Fill(1, 4, targets);
        Assert.Equal(2, generator.StrategyCount);
        Assert.Equal([0.3, -0.7, 0.3, -0.7, 0.3, -0.7, 0.3, -0.7], targets);
        Assert.Equal(["level must be one value in [-1, 1]"], seed.Validate([1.5]));
    }

    [Fact]
    public void Load_WithDependencyPresent_LoadsPrivateDependency()
    {
        _sandbox.Add(PluginSandbox.WithDependency);

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        Assert.Equal(PluginStatus.Loaded, Assert.Single(catalog.Plugins).Status);
        Assert.True(catalog.TryGetSeedType("test_dependent", out var seed));
        var targets = new double[3];
        seed.CreateGenerator(TestSeries.Hourly(3), [], 1).Fill(0, 3, targets);
        Assert.Equal([0.25, 0.25, 0.25], targets);
    }

    [Fact]
    public void Load_ProvidesDiffersFromTypes_LoadsWithWarnings()
    {
        var folder = _sandbox.Add(PluginSandbox.Good);
        PluginSandbox.EditManifest(folder, m => m["provides"] = new System.Text.Json.Nodes.JsonArray("seed:test_flat", "seed:ghost"));

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.LoadedWithWarnings, entry.Status);
        Assert.True(entry.IsLoaded);
        Assert.Equal(
            [
                "plugin.json declares 'seed:ghost' but no public type provides it",
                "ResearchPlatform.TestPlugins.Good.LevelSeedType provides 'seed:test_level' but plugin.json does not declare it",
            ],
            entry.Warnings);
        Assert.Equal(2, catalog.SeedTypes.Count);
        Assert.Equal(2, catalog.Problems.Count());
    }

    [Fact]
    public void Load_SdkDllInPluginFolder_IsIgnoredWithWarningAndTypesUnify()
    {
        var clean = _sandbox.Add(PluginSandbox.Good, "clean");
        var tagWithout = PluginVersionTag.Compute(clean, "1.2.3");
        Directory.Delete(clean, recursive: true);
        var folder = _sandbox.Add(PluginSandbox.Good);
        File.Copy(typeof(ISeedType).Assembly.Location, Path.Combine(folder, "ResearchPlatform.Sdk.dll"));

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.LoadedWithWarnings, entry.Status);
        Assert.StartsWith("ResearchPlatform.Sdk.dll in the folder is ignored", Assert.Single(entry.Warnings));
        Assert.Equal(tagWithout, entry.VersionTag);
        Assert.True(catalog.Components[0].Instance is ISeedType);
    }

    [Fact]
    public void Load_SearchRootIsPluginFolder_LoadsIt()
    {
        var folder = _sandbox.Add(PluginSandbox.Good);

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Resolve(_sandbox.Root, folder, null));

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(folder, entry.Folder);
        Assert.Equal(PluginSearchPaths.EnvironmentVariable, entry.Origin);
        Assert.True(entry.IsLoaded);
    }

    [Fact]
    public void Load_RealSeedsPluginInBuildOutput_LoadsManifestAndAssembly()
    {
        using var catalog = PluginCatalog.Load(PluginSearchPaths.Resolve(AppContext.BaseDirectory, null, null));

        var seeds = Assert.Single(catalog.Plugins, p => p.Id == "Seeds");
        Assert.True(seeds.IsLoaded, seeds.Error);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "plugins", "Seeds"), seeds.Folder);
        Assert.Equal("ResearchPlatform.Plugins.Seeds.dll", seeds.Manifest!.Assembly);
        Assert.Equal(PluginSearchPaths.BuildOutputOrigin, seeds.Origin);
        Assert.StartsWith(seeds.Manifest.Version + "+", seeds.VersionTag);
        Assert.NotNull(seeds.LoadContextReference());
        Assert.All(seeds.Components, c => Assert.True(c.Instance is ISeedType));
    }

    [Fact]
    public void Load_RealRiskGenomesPluginInBuildOutput_ProvidesThePresetsAsRiskDefinitions()
    {
        using var catalog = PluginCatalog.Load(PluginSearchPaths.Resolve(AppContext.BaseDirectory, null, null));

        var risk = Assert.Single(catalog.Plugins, p => p.Id == "RiskGenomes");
        Assert.True(risk.IsLoaded, risk.Error);
        Assert.Equal(["risk:aggressive", "risk:conservative", "risk:default"], risk.Components.Select(c => c.Key).Order(StringComparer.Ordinal));
        var definition = Assert.IsAssignableFrom<IRiskGenomeDefinition>(risk.Components.Single(c => c.Key == "risk:default").Instance);
        Assert.Equal(new RiskGenome(), RiskGenome.Defaults(definition));
    }

    [Fact]
    public void Dispose_LoadedCatalog_UnloadsEveryLoadContext()
    {
        _sandbox.Add(PluginSandbox.Good);
        _sandbox.Add(PluginSandbox.WithDependency);
        var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));
        var unloaded = new List<string>();
        foreach (var entry in catalog.Plugins)
        {
            var context = (AssemblyLoadContext)entry.LoadContextReference()!.Target!;
            context.Unloading += _ => unloaded.Add(entry.Id);
        }

        Assert.Empty(unloaded);
        catalog.Dispose();

        Assert.Equal(["TestGood", "TestWithDependency"], unloaded);
        Assert.All(catalog.Plugins, p => Assert.Null(p.LoadContextReference()));
    }

    [Fact]
    public void Dispose_LoadedCatalog_LoadContextIsCollected()
    {
        _sandbox.Add(PluginSandbox.Good);

        var context = LoadUseAndDispose(_sandbox.Root);
        for (var i = 0; i < 10 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(context.IsAlive, "the plugin's load context is still alive after the catalog was disposed");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference LoadUseAndDispose(string root)
    {
        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(root));
        Assert.True(catalog.TryGetSeedType("test_level", out var seed));
        var targets = new double[1];
        seed.CreateGenerator(TestSeries.Hourly(1), [0.5], 1).Fill(0, 1, targets);
        Assert.Equal(0.5, targets[0]);
        return catalog.Plugins[0].LoadContextReference()!;
    }

    private static PluginEntry Entry(PluginCatalog catalog, string folderName) =>
        Assert.Single(catalog.Plugins, p => Path.GetFileName(p.Folder) == folderName);
}
