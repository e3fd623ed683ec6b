namespace ResearchPlatform.Host.Plugins;

/// <summary>Outcome of loading one plugin folder.</summary>
public enum PluginStatus
{
    /// <summary>Loaded; everything it provides is available.</summary>
    Loaded,

    /// <summary>Loaded and available, with warnings (e.g. manifest <c>provides</c> and the found types differ).</summary>
    LoadedWithWarnings,

    /// <summary>Not loaded; <see cref="PluginEntry.Error"/> says why. Nothing from it is available.</summary>
    Failed,
}
