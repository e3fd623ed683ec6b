using Xunit.Abstractions;

namespace ResearchPlatform.Plugins.Seeds.Tests.TestSupport;

/// <summary>Locates the shared market data (../shared/data beside the repository, or $RP_SHARED_DATA).</summary>
internal static class TestData
{
    /// <summary>The shared data folder, or null when it is absent (tests then return early with a message).</summary>
    public static string? SharedDataPath()
    {
        var env = Environment.GetEnvironmentVariable("RP_SHARED_DATA");
        if (!string.IsNullOrWhiteSpace(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The path of a shared data file, or null (with a skip message written) when the data is absent.</summary>
    public static string? File(string relative, ITestOutputHelper output)
    {
        var root = SharedDataPath();
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is null || !System.IO.File.Exists(path))
        {
            output.WriteLine($"SKIPPED: shared data file '{relative}' not found (set RP_SHARED_DATA or place shared/data beside the repo)");
            return null;
        }

        return path;
    }
}
