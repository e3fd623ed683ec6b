using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McMaster.NETCore.Plugins;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>
/// Loads the seed types of the plugins next to the host (<c>&lt;host&gt;/plugins/&lt;Id&gt;/plugin.json</c>), each plugin in
/// its own load context with the Sdk shared, tagged <c>version+12 hex</c> of a SHA-256 over the plugin's DLLs (the same
/// tag the plugin catalog computes). This is the evolution commands' only dependency on plugin loading: at integration it
/// maps one-to-one onto <c>PluginCatalog.SeedTypes</c> and its components' version tags.
/// </summary>
internal static class SeedTypeLoader
{
    /// <summary>Seed types of every loadable plugin, ordered by plugin folder then type name; problems go to <paramref name="warn"/>.</summary>
    public static IReadOnlyList<LoadedSeedType> Load(Action<string> warn, string? pluginsFolder = null)
    {
        ArgumentNullException.ThrowIfNull(warn);
        var root = pluginsFolder ?? Path.Combine(AppContext.BaseDirectory, "plugins");
        var seeds = new List<LoadedSeedType>();
        if (!Directory.Exists(root))
        {
            warn($"no plugins folder at {root}");
            return seeds;
        }

        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            try
            {
                seeds.AddRange(LoadFolder(folder));
            }
            catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or BadImageFormatException or System.Reflection.ReflectionTypeLoadException)
            {
                warn($"plugin {folder} not loaded: {ex.Message}");
            }
        }

        return seeds;
    }

    private static IEnumerable<LoadedSeedType> LoadFolder(string folder)
    {
        var manifestPath = Path.Combine(folder, "plugin.json");
        if (!File.Exists(manifestPath))
        {
            return [];
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var version = manifest.RootElement.GetProperty("version").GetString() ?? "0.0.0";
        var assembly = manifest.RootElement.GetProperty("assembly").GetString()
            ?? throw new InvalidOperationException("plugin.json has no assembly");
        var loader = PluginLoader.CreateFromAssemblyFile(Path.GetFullPath(Path.Combine(folder, assembly)), sharedTypes: [typeof(ISeedType)]);
        var tag = VersionTag(folder, version);
        return loader.LoadDefaultAssembly().GetTypes()
            .Where(t => typeof(ISeedType).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => new LoadedSeedType((ISeedType)Activator.CreateInstance(t)!, tag))
            .ToList();
    }

    private static string VersionTag(string folder, string version)
    {
        var files = Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .Where(f => !string.Equals(f.Relative, "ResearchPlatform.Sdk.dll", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (full, relative) in files)
        {
            var content = File.ReadAllBytes(full);
            hash.AppendData(Encoding.UTF8.GetBytes(relative));
            hash.AppendData(Encoding.UTF8.GetBytes("\n" + content.Length.ToString(CultureInfo.InvariantCulture) + "\n"));
            hash.AppendData(content);
        }

        return version + "+" + Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
