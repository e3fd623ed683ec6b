using System.Text.RegularExpressions;
using ResearchPlatform.Host.Plugins;
using ResearchPlatform.Sdk;

namespace ResearchPlatform.Host.Tests.Plugins;

public sealed class PluginCatalogFailureTests : IDisposable
{
    private readonly PluginSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Load_CorruptDll_FailsNamingFolderAndFileWhileOthersLoad()
    {
        _sandbox.Add(PluginSandbox.Good);
        var corrupt = _sandbox.Add(PluginSandbox.WithDependency, "corrupt");
        PluginSandbox.Corrupt(Path.Combine(corrupt, PluginSandbox.WithDependencyAssembly));

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        var failed = Entry(catalog, "corrupt");
        Assert.Equal(PluginStatus.Failed, failed.Status);
        Assert.Contains($"'{PluginSandbox.WithDependencyAssembly}' is corrupt or not a .NET assembly", failed.Error);
        Assert.Empty(failed.Components);
        Assert.Equal(PluginStatus.Loaded, Entry(catalog, PluginSandbox.Good).Status);
        Assert.Equal(2, catalog.SeedTypes.Count);
        var problem = Assert.Single(catalog.Problems);
        Assert.Contains(corrupt, problem);
    }

    [Fact]
    public void Load_SdkMajorVersionDiffers_FailsAsIncompatible()
    {
        var folder = _sandbox.Add(PluginSandbox.Good);
        var pluginSdk = $"{SdkInfo.Major + 1}.0";
        PluginSandbox.EditManifest(folder, m => m["sdkVersion"] = pluginSdk);

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.Failed, entry.Status);
        Assert.Equal($"incompatible Sdk: built for Sdk {pluginSdk}, host Sdk is {SdkInfo.Version} (major versions differ)", entry.Error);
        Assert.Equal(pluginSdk, entry.Manifest!.SdkVersion);
        Assert.Empty(catalog.SeedTypes);
    }

    [Fact]
    public void Load_SdkMinorVersionNewer_FailsAsIncompatible()
    {
        var folder = _sandbox.Add(PluginSandbox.Good);
        var pluginSdk = $"{SdkInfo.Major}.{SdkInfo.Minor + 1}";
        PluginSandbox.EditManifest(folder, m => m["sdkVersion"] = pluginSdk);

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.Failed, entry.Status);
        Assert.Equal($"incompatible Sdk: built for Sdk {pluginSdk}, newer than the host's Sdk {SdkInfo.Version}", entry.Error);
    }

    [Fact]
    public void Load_DependencyDllDeleted_FailsNamingMissingAssembly()
    {
        var folder = _sandbox.Add(PluginSandbox.WithDependency);
        File.Delete(Path.Combine(folder, PluginSandbox.DependencyAssembly));

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.Failed, entry.Status);
        Assert.StartsWith("constructor of ResearchPlatform.TestPlugins.WithDependency.DependentSeedType failed: ", entry.Error);
        Assert.Contains("missing dependency 'ResearchPlatform.TestPlugins.Dependency' 1.0.0.0", entry.Error);
        Assert.Empty(catalog.SeedTypes);
    }

    [Fact]
    public void Load_ConstructorThrows_FailsWithExceptionTypeAndMessage()
    {
        _sandbox.Add(PluginSandbox.Throwing);

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.Failed, entry.Status);
        Assert.Equal(
            "constructor of ResearchPlatform.TestPlugins.Throwing.ThrowingSeedType failed: InvalidOperationException: test plugin: the constructor always fails",
            entry.Error);
        Assert.Matches(new Regex("^1\\.0\\.0\\+[0-9a-f]{12}$"), entry.VersionTag);
    }

    [Fact]
    public void Load_DuplicatePluginId_SecondFolderFails()
    {
        var first = _sandbox.Add(PluginSandbox.Good, "a-good");
        _sandbox.Add(PluginSandbox.Good, "b-good");

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        Assert.Equal(PluginStatus.Loaded, Entry(catalog, "a-good").Status);
        var second = Entry(catalog, "b-good");
        Assert.Equal(PluginStatus.Failed, second.Status);
        Assert.Equal($"duplicate plugin id 'TestGood': already loaded from {first}", second.Error);
        Assert.Equal(2, catalog.SeedTypes.Count);
    }

    [Fact]
    public void Load_DuplicateSeedId_SecondPluginFailsAndIsUnloaded()
    {
        _sandbox.Add(PluginSandbox.Good, "a-good");
        var copy = _sandbox.Add(PluginSandbox.Good, "b-copy");
        PluginSandbox.EditManifest(copy, m => m["id"] = "TestGoodCopy");

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        var second = Entry(catalog, "b-copy");
        Assert.Equal(PluginStatus.Failed, second.Status);
        Assert.Equal("TestGoodCopy", second.Id);
        Assert.StartsWith("duplicate seed id 'test_flat': already provided by plugin 'TestGood' (", second.Error);
        Assert.Empty(second.Components);
        Assert.Null(second.LoadContextReference());
        Assert.All(catalog.Components, c => Assert.Equal("TestGood", c.PluginId));
    }

    [Fact]
    public void Load_FolderWithoutManifest_FailsNamingTheFile()
    {
        var folder = _sandbox.Add(PluginSandbox.Good, "no-manifest");
        File.Delete(Path.Combine(folder, "plugin.json"));

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.Failed, entry.Status);
        Assert.Equal("no-manifest", entry.Id);
        Assert.Null(entry.Manifest);
        Assert.Equal("invalid plugin.json: missing: every plugin folder needs a plugin.json", entry.Error);
        Assert.Equal(folder, entry.Folder);
    }

    [Fact]
    public void Load_InvalidManifest_ReportsEveryBadField()
    {
        var folder = _sandbox.Add(PluginSandbox.Good, "bad-manifest");
        PluginSandbox.EditManifest(folder, m =>
        {
            m.Remove("id");
            m["version"] = "one";
            m["sdkVersion"] = 1;
        });

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        var error = Assert.Single(catalog.Plugins).Error;
        Assert.Contains("field 'id': missing", error);
        Assert.Contains("field 'version': 'one' is not of the form major.minor.patch[-prerelease]", error);
        Assert.Contains("field 'sdkVersion': must be a string, found a number", error);
    }

    [Fact]
    public void Load_ManifestAssemblyMissing_FailsNamingIt()
    {
        var folder = _sandbox.Add(PluginSandbox.Good);
        PluginSandbox.EditManifest(folder, m => m["assembly"] = "Nope.dll");

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        Assert.Equal("assembly 'Nope.dll' named in plugin.json is not in the folder", Assert.Single(catalog.Plugins).Error);
    }

    [Fact]
    public void Load_EveryKindOfFailureTogether_GoodPluginStillLoads()
    {
        _sandbox.Add(PluginSandbox.Good);
        _sandbox.Add(PluginSandbox.Throwing);
        var corrupt = _sandbox.Add(PluginSandbox.Good, "corrupt");
        PluginSandbox.EditManifest(corrupt, m => m["id"] = "Corrupt");
        PluginSandbox.Corrupt(Path.Combine(corrupt, PluginSandbox.GoodAssembly));
        File.Delete(Path.Combine(_sandbox.Add(PluginSandbox.WithDependency), PluginSandbox.DependencyAssembly));
        PluginSandbox.EditManifest(_sandbox.Add(PluginSandbox.Good, "old-sdk"), m =>
        {
            m["id"] = "OldSdk";
            m["sdkVersion"] = "0.9";
        });
        Directory.CreateDirectory(Path.Combine(_sandbox.Root, "empty"));
        Directory.CreateDirectory(Path.Combine(_sandbox.Root, ".hidden"));

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root));

        Assert.Equal(
            [
                "TestGood: -",
                "TestThrowing: constructor of",
                "TestWithDependency: constructor of",
                "corrupt: 'ResearchPlatform.TestPlugins.Good.dll' is corrupt",
                "empty: invalid plugin.json",
                "old-sdk: incompatible Sdk",
            ],
            catalog.Plugins.Select(p => $"{Path.GetFileName(p.Folder)}: {Prefix(p.Error)}"));
        Assert.Equal(PluginStatus.Loaded, catalog.Plugins[0].Status);
        Assert.Equal(["test_flat", "test_level"], catalog.SeedTypes.Select(s => s.Id));
        Assert.Equal(5, catalog.Problems.Count());
        Assert.All(catalog.Plugins.Skip(1), p => Assert.Contains(p.Folder, catalog.Problems.Single(x => x.Contains($"({p.Folder})", StringComparison.Ordinal))));
    }

    [Fact]
    public void Load_ConfiguredFolderMissing_ReportedAsFailed()
    {
        var missing = Path.Combine(_sandbox.Root, "does-not-exist");

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Resolve(_sandbox.Root, null, missing));

        var entry = Assert.Single(catalog.Plugins);
        Assert.Equal(PluginStatus.Failed, entry.Status);
        Assert.Equal(missing, entry.Folder);
        Assert.Equal("plugins folder does not exist (from --plugins)", entry.Error);
    }

    private static string Prefix(string? error)
    {
        if (error is null)
        {
            return "-";
        }

        var words = error.Split(' ');
        return string.Join(' ', words.Take(error.StartsWith('\'') ? 3 : 2)).TrimEnd(':');
    }

    private static PluginEntry Entry(PluginCatalog catalog, string folderName) =>
        Assert.Single(catalog.Plugins, p => Path.GetFileName(p.Folder) == folderName);
}
