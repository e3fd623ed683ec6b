using System.Text.Json;
using McMaster.NETCore.Plugins;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Seeds;

/// <summary>
/// Minimal seed catalog: scans <c>&lt;folder&gt;/*/plugin.json</c> (default: the host's <c>plugins/</c> folder), loads each
/// plugin assembly with McMaster's <see cref="PluginLoader"/> (Sdk types shared) and instantiates its public
/// <see cref="ISeedType"/> classes. A plugin that fails to load is recorded in <see cref="Errors"/> and skipped.
/// </summary>
public sealed class PluginSeedCatalog : ISeedCatalog
{
    private readonly SortedDictionary<string, (ISeedType Seed, string Version)> _seeds = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _errors = [];

    public PluginSeedCatalog(string? pluginsFolder = null)
    {
        var root = pluginsFolder ?? Path.Combine(AppContext.BaseDirectory, "plugins");
        if (!Directory.Exists(root))
        {
            return;
        }

        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            try
            {
                Load(dir);
            }
            catch (Exception ex) when (ex is IOException or JsonException or BadImageFormatException or InvalidOperationException or TypeLoadException or System.Reflection.ReflectionTypeLoadException or MissingMethodException or System.Reflection.TargetInvocationException or UnauthorizedAccessException)
            {
                _errors.Add($"{dir}: {ex.Message}");
            }
        }
    }

    /// <summary>Plugins that could not be loaded (folder: reason).</summary>
    public IReadOnlyList<string> Errors => _errors;

    public IReadOnlyList<ISeedType> SeedTypes => _seeds.Values.Select(v => v.Seed).ToList();

    public bool TryGetSeedType(string id, out ISeedType seed)
    {
        if (_seeds.TryGetValue(id ?? string.Empty, out var entry))
        {
            seed = entry.Seed;
            return true;
        }

        seed = null!;
        return false;
    }

    public string VersionOf(ISeedType seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return _seeds.TryGetValue(seed.Id, out var entry) ? entry.Version : "unknown";
    }

    private void Load(string dir)
    {
        var manifestPath = Path.Combine(dir, "plugin.json");
        if (!File.Exists(manifestPath))
        {
            return;
        }

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        var m = manifest.RootElement;
        var id = m.GetProperty("id").GetString() ?? Path.GetFileName(dir);
        var version = m.TryGetProperty("version", out var v) ? v.GetString() : "0.0.0";
        var assembly = m.TryGetProperty("assembly", out var a) ? a.GetString() : null;
        var dll = Path.GetFullPath(Path.Combine(dir, assembly ?? id + ".dll"));
        var loader = PluginLoader.CreateFromAssemblyFile(dll, sharedTypes: [typeof(ISeedType)]);
        foreach (var type in loader.LoadDefaultAssembly().GetExportedTypes())
        {
            if (type is { IsAbstract: false, IsInterface: false } && typeof(ISeedType).IsAssignableFrom(type))
            {
                var seed = (ISeedType)Activator.CreateInstance(type)!;
                if (!_seeds.TryAdd(seed.Id, (seed, $"{id}@{version}")))
                {
                    _errors.Add($"{dir}: seed id '{seed.Id}' is already provided by {_seeds[seed.Id].Version}");
                }
            }
        }
    }
}
