using System.Text.Json.Nodes;

namespace ResearchPlatform.Host.Tests.Plugins;

/// <summary>
/// A temporary plugins folder filled with copies of the staged test plugins (<c>&lt;test output&gt;/test-plugins/</c>),
/// which tests then break: corrupt a DLL, edit a manifest, delete a dependency. Deleted on dispose.
/// </summary>
internal sealed class PluginSandbox : IDisposable
{
    public const string Good = "TestGood";
    public const string Throwing = "TestThrowing";
    public const string WithDependency = "TestWithDependency";
    public const string GoodAssembly = "ResearchPlatform.TestPlugins.Good.dll";
    public const string WithDependencyAssembly = "ResearchPlatform.TestPlugins.WithDependency.dll";
    public const string DependencyAssembly = "ResearchPlatform.TestPlugins.Dependency.dll";

    public PluginSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "rp-plugin-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The temporary plugins folder.</summary>
    public string Root { get; }

    /// <summary>The staged build of a test plugin.</summary>
    public static string Staged(string pluginId)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "test-plugins", pluginId);
        Assert.True(Directory.Exists(folder), $"test plugin not staged at {folder}: build the Host tests project");
        return folder;
    }

    /// <summary>Copies a staged test plugin into <see cref="Root"/>/<paramref name="folderName"/>; returns the copy's path.</summary>
    public string Add(string pluginId, string? folderName = null)
    {
        var target = Path.Combine(Root, folderName ?? pluginId);
        CopyDirectory(Staged(pluginId), target);
        return target;
    }

    /// <summary>Rewrites one field of a plugin folder's manifest.</summary>
    public static void EditManifest(string folder, Action<JsonObject> edit)
    {
        var path = Path.Combine(folder, "plugin.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    /// <summary>Overwrites a file with seeded random bytes of the same length.</summary>
    public static void Corrupt(string file)
    {
        var bytes = new byte[new FileInfo(file).Length];
        new Random(20240601).NextBytes(bytes);
        File.WriteAllBytes(file, bytes);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
