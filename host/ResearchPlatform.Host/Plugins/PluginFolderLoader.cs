using System.Reflection;
using McMaster.NETCore.Plugins;
using ResearchPlatform.Sdk;

namespace ResearchPlatform.Host.Plugins;

/// <summary>
/// Loads one plugin folder whose manifest is valid: checks Sdk compatibility, computes the version tag, loads the main
/// assembly into its own collectible load context with the Sdk shared (a copy of the Sdk in the folder is ignored),
/// instantiates every public non-abstract type implementing a known contract and compares what it found with the
/// manifest's <c>provides</c>. Any failure yields a failed <see cref="PluginEntry"/> with the reason; it never throws.
/// </summary>
internal sealed class PluginFolderLoader
{
    /// <summary>The Sdk's file name: never loaded from a plugin folder.</summary>
    public const string SdkAssemblyFile = "ResearchPlatform.Sdk.dll";

    private readonly IReadOnlyList<PluginContract> _contracts;
    private readonly Type[] _sharedTypes;

    public PluginFolderLoader(IReadOnlyList<PluginContract> contracts)
    {
        _contracts = contracts;
        _sharedTypes = [.. contracts.Select(c => c.ContractType).Append(typeof(SdkInfo)).Distinct()];
    }

    /// <summary>Loads the plugin in <paramref name="folder"/> described by <paramref name="manifest"/>.</summary>
    public PluginEntry Load(string folder, string origin, PluginManifest manifest)
    {
        if (!SdkInfo.IsCompatible(manifest.SdkVersion, out var why))
        {
            return PluginEntry.Failed(folder, origin, manifest, $"incompatible Sdk: {why}");
        }

        var assemblyPath = Path.Combine(folder, manifest.Assembly);
        if (!File.Exists(assemblyPath))
        {
            return PluginEntry.Failed(folder, origin, manifest, $"assembly '{manifest.Assembly}' named in plugin.json is not in the folder");
        }

        string versionTag;
        try
        {
            versionTag = PluginVersionTag.Compute(folder, manifest.Version);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return PluginEntry.Failed(folder, origin, manifest, "cannot read the plugin files: " + ex.Message);
        }

        var warnings = new List<string>();
        if (File.Exists(Path.Combine(folder, SdkAssemblyFile)))
        {
            warnings.Add($"{SdkAssemblyFile} in the folder is ignored: plugins run against the host's Sdk "
                + "(reference the Sdk with Private=false and ExcludeAssets=runtime)");
        }

        PluginLoader? loader = null;
        try
        {
            loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, isUnloadable: true, _sharedTypes, c => c.LoadInMemory = true);
            var assembly = LoadMainAssembly(loader, manifest.Assembly);
            var components = Instantiate(assembly, manifest, versionTag);
            CheckProvides(manifest, components, warnings);
            return PluginEntry.Loaded(folder, origin, manifest, versionTag, components, warnings, loader);
        }
        catch (Exception ex)
        {
            loader?.Dispose();
            return PluginEntry.Failed(folder, origin, manifest, PluginErrors.Describe(ex), versionTag);
        }
    }

    private static Assembly LoadMainAssembly(PluginLoader loader, string fileName)
    {
        try
        {
            return loader.LoadDefaultAssembly();
        }
        catch (BadImageFormatException ex)
        {
            throw new PluginLoadException($"'{fileName}' is corrupt or not a .NET assembly ({ex.Message})", ex);
        }
    }

    private List<PluginComponent> Instantiate(Assembly assembly, PluginManifest manifest, string versionTag)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception ex)
        {
            throw new PluginLoadException($"cannot read the types of '{manifest.Assembly}': {PluginErrors.Describe(ex)}", ex);
        }

        var components = new List<PluginComponent>();
        foreach (var type in types.Where(t => t.IsClass && !t.IsAbstract && !t.ContainsGenericParameters).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var matching = _contracts.Where(c => c.ContractType.IsAssignableFrom(type)).ToList();
            if (matching.Count == 0)
            {
                continue;
            }

            var instance = Construct(type);
            foreach (var contract in matching)
            {
                var id = IdOf(contract, type, instance);
                var clash = components.Find(c => c.Kind == contract.Kind && string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));
                if (clash is not null)
                {
                    throw new PluginLoadException(
                        $"{contract.Kind} id '{id}' is provided twice, by {clash.Instance.GetType().FullName} and {type.FullName}");
                }

                components.Add(new PluginComponent(contract.Kind, id, instance, manifest.Id, versionTag));
            }
        }

        return components;
    }

    private static object Construct(Type type)
    {
        var ctor = type.GetConstructor(Type.EmptyTypes)
            ?? throw new PluginLoadException($"{type.FullName} has no public parameterless constructor");
        try
        {
            return ctor.Invoke(null);
        }
        catch (Exception ex)
        {
            throw new PluginLoadException($"constructor of {type.FullName} failed: {PluginErrors.Describe(ex)}", ex);
        }
    }

    private static string IdOf(PluginContract contract, Type type, object instance)
    {
        string id;
        try
        {
            id = contract.IdOf(instance);
        }
        catch (Exception ex)
        {
            throw new PluginLoadException($"reading the id of {type.FullName} failed: {PluginErrors.Describe(ex)}", ex);
        }

        return string.IsNullOrWhiteSpace(id) ? throw new PluginLoadException($"{type.FullName} has an empty {contract.Kind} id") : id;
    }

    private static void CheckProvides(PluginManifest manifest, List<PluginComponent> components, List<string> warnings)
    {
        foreach (var declared in manifest.Provides)
        {
            if (!components.Exists(c => string.Equals(c.Key, declared, StringComparison.OrdinalIgnoreCase)))
            {
                warnings.Add($"plugin.json declares '{declared}' but no public type provides it");
            }
        }

        foreach (var component in components)
        {
            if (!manifest.Provides.Contains(component.Key, StringComparer.OrdinalIgnoreCase))
            {
                warnings.Add($"{component.Instance.GetType().FullName} provides '{component.Key}' but plugin.json does not declare it");
            }
        }
    }
}
