using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ResearchPlatform.Host.Plugins;

/// <summary>
/// Identifies the exact build of a plugin: <c>&lt;manifest version&gt;+&lt;12 hex digits&gt;</c>, the digits being the start
/// of a SHA-256 over every <c>.dll</c> in the plugin folder (recursively, by relative path, the ignored Sdk excluded).
/// Builds are deterministic, so the same sources give the same tag; any code change, including a dependency's, changes it.
/// Hot reload compares tags to decide whether a folder really changed, and results carry the tag of what produced them.
/// </summary>
public static class PluginVersionTag
{
    /// <summary>Number of hex digits of the hash kept in the tag.</summary>
    public const int HashDigits = 12;

    /// <summary>Computes the tag of the plugin in <paramref name="folder"/> with manifest version <paramref name="version"/>.</summary>
    public static string Compute(string folder, string version)
    {
        var files = Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .Where(f => !string.Equals(f.Relative, PluginFolderLoader.SdkAssemblyFile, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (full, relative) in files)
        {
            var content = File.ReadAllBytes(full);
            hash.AppendData(Encoding.UTF8.GetBytes(relative));
            hash.AppendData(Encoding.UTF8.GetBytes("\n" + content.Length.ToString(CultureInfo.InvariantCulture) + "\n"));
            hash.AppendData(content);
        }

        var digest = Convert.ToHexStringLower(hash.GetHashAndReset());
        return $"{version}+{digest[..HashDigits]}";
    }
}
