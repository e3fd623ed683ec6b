namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>A temporary copy of the repository's default rules/ folder.</summary>
internal sealed class RulesFolder : IDisposable
{
    public RulesFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rp-rules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        foreach (var f in Directory.GetFiles(RepoRules()))
        {
            System.IO.File.Copy(f, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(f)));
        }
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public static string RepoRules()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "rules", "thresholds.json");
            if (System.IO.File.Exists(candidate) && System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "ResearchPlatform.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, "rules");
            }
        }

        throw new DirectoryNotFoundException("rules/ not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
