namespace ResearchPlatform.Dashboard.Tests.TestSupport;

/// <summary>Files of the repository the tests read (found by walking up from the test assembly to ResearchPlatform.sln).</summary>
internal static class RepoPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResearchPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ResearchPlatform.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The redistributable BTC/USD daily sample (Coinbase, Apache-2.0) shipped in samples/.</summary>
    public static string SampleBars() => Path.Combine(Root(), "samples", "BTCUSD-coinbase-1d.csv");
}
