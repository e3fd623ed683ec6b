namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>Locates the shared market data (never copied into the repo).</summary>
internal static class TestData
{
    /// <summary>
    /// <c>$RP_SHARED_DATA</c>, or a folder <c>shared/data</c> found walking up from the test binaries (the repo is
    /// /work/&lt;tree&gt;, the data /work/shared/data); null when absent.
    /// </summary>
    public static string? SharedDataPath()
    {
        var env = Environment.GetEnvironmentVariable("RP_SHARED_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
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
}
