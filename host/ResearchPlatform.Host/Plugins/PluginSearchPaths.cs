namespace ResearchPlatform.Host.Plugins;

/// <summary>
/// The folders searched for plugins, in order: <c>&lt;AppContext.BaseDirectory&gt;/plugins/</c> (the build output),
/// then each folder of <c>RP_PLUGINS_PATH</c> (separated by <see cref="Path.PathSeparator"/>), then each folder of the
/// <c>--plugins</c> option (same separator). Duplicates are dropped. When two folders hold plugins with the same id,
/// the first one loaded wins and the other is reported as a duplicate.
/// </summary>
public sealed class PluginSearchPaths
{
    /// <summary>Environment variable with extra plugin folders.</summary>
    public const string EnvironmentVariable = "RP_PLUGINS_PATH";

    /// <summary>Origin label of the build output's plugins folder.</summary>
    public const string BuildOutputOrigin = "build output";

    /// <summary>Origin label of the <c>--plugins</c> option.</summary>
    public const string OptionOrigin = "--plugins";

    private PluginSearchPaths(IReadOnlyList<PluginSearchRoot> roots)
    {
        Roots = roots;
    }

    /// <summary>The folders, in search order.</summary>
    public IReadOnlyList<PluginSearchRoot> Roots { get; }

    /// <summary>Resolves the folders from the build output, <c>RP_PLUGINS_PATH</c> and the <c>--plugins</c> option value.</summary>
    public static PluginSearchPaths Resolve(string? option) =>
        Resolve(AppContext.BaseDirectory, Environment.GetEnvironmentVariable(EnvironmentVariable), option);

    /// <summary>Resolves the folders from explicit inputs (testable core of <see cref="Resolve(string?)"/>).</summary>
    public static PluginSearchPaths Resolve(string baseDirectory, string? environmentValue, string? option)
    {
        var roots = new List<PluginSearchRoot> { new(Path.GetFullPath(Path.Combine(baseDirectory, "plugins")), BuildOutputOrigin, false) };
        AddAll(roots, environmentValue, EnvironmentVariable);
        AddAll(roots, option, OptionOrigin);
        return new PluginSearchPaths(roots);
    }

    /// <summary>Only the given folders (each must exist); used by tests and tools.</summary>
    public static PluginSearchPaths Of(params string[] folders)
    {
        var roots = new List<PluginSearchRoot>();
        foreach (var folder in folders)
        {
            Add(roots, folder, "explicit");
        }

        return new PluginSearchPaths(roots);
    }

    private static void AddAll(List<PluginSearchRoot> roots, string? list, string origin)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return;
        }

        foreach (var part in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Add(roots, part, origin);
        }
    }

    private static void Add(List<PluginSearchRoot> roots, string folder, string origin)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!roots.Exists(r => string.Equals(Path.TrimEndingDirectorySeparator(r.Path), full, StringComparison.Ordinal)))
        {
            roots.Add(new PluginSearchRoot(full, origin, true));
        }
    }
}
