namespace ResearchPlatform.Sdk;

/// <summary>
/// The Sdk's API version. Plugins record the version they were built against in <c>plugin.json</c> (<c>sdkVersion</c>);
/// the host accepts a plugin when the major versions match and the plugin's minor version is not newer than the host's.
/// Only additive changes are allowed within a major version.
/// </summary>
public static class SdkInfo
{
    /// <summary>Major version: bumped on any breaking change to a contract.</summary>
    public const int Major = 1;

    /// <summary>Minor version: bumped when members are added.</summary>
    public const int Minor = 1;

    /// <summary>The version as <c>major.minor</c>.</summary>
    public static string Version => $"{Major}.{Minor}";

    /// <summary>
    /// Whether a plugin built against <paramref name="pluginSdkVersion"/> (e.g. "1.0") can run on this Sdk.
    /// </summary>
    public static bool IsCompatible(string pluginSdkVersion, out string reason)
    {
        var parts = (pluginSdkVersion ?? string.Empty).Split('.');
        if (parts.Length < 2
            || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minor))
        {
            reason = $"sdkVersion '{pluginSdkVersion}' is not of the form major.minor";
            return false;
        }

        if (major != Major)
        {
            reason = $"built for Sdk {major}.{minor}, host Sdk is {Version} (major versions differ)";
            return false;
        }

        if (minor > Minor)
        {
            reason = $"built for Sdk {major}.{minor}, newer than the host's Sdk {Version}";
            return false;
        }

        reason = string.Empty;
        return true;
    }
}
