namespace ResearchPlatform.Host.Plugins;

/// <summary>
/// Finds plugin folders under the search roots. A root holding a <c>plugin.json</c> is itself a plugin folder;
/// otherwise every direct subfolder is one (in ordinal name order), and a subfolder without a manifest is reported.
/// Subfolders whose name starts with '.' (e.g. <c>.git</c>) are skipped.
/// A configured root that does not exist is reported; the build output's missing <c>plugins/</c> is just empty.
/// </summary>
internal static class PluginDiscovery
{
    public static IEnumerable<PluginCandidate> Find(PluginSearchPaths paths)
    {
        foreach (var root in paths.Roots)
        {
            if (!Directory.Exists(root.Path))
            {
                if (root.MustExist)
                {
                    yield return new PluginCandidate(root.Path, root.Origin, $"plugins folder does not exist (from {root.Origin})");
                }

                continue;
            }

            if (File.Exists(Path.Combine(root.Path, PluginManifest.FileName)))
            {
                yield return new PluginCandidate(root.Path, root.Origin);
                continue;
            }

            var folders = ListFolders(root.Path, out var problem);
            if (problem is not null)
            {
                yield return new PluginCandidate(root.Path, root.Origin, problem);
            }

            foreach (var folder in folders.Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                yield return new PluginCandidate(folder, root.Origin);
            }
        }
    }

    private static string[] ListFolders(string path, out string? problem)
    {
        try
        {
            problem = null;
            return Directory.GetDirectories(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = "plugins folder cannot be listed: " + ex.Message;
            return [];
        }
    }
}
