using Xunit.Abstractions;

namespace ResearchPlatform.Tests.TestSupport;

/// <summary>
/// Locates the real market data (<c>shared/data</c>, a sibling of the repository root) used by data tests: the
/// <c>RP_SHARED_DATA</c> environment variable, else the first ancestor of the test assembly's folder that has a
/// <c>shared/data</c> folder. Tests that need it return early (after writing why) when it is absent.
/// </summary>
internal static class TestData
{
    public static string? SharedDataPath()
    {
        var env = Environment.GetEnvironmentVariable("RP_SHARED_DATA");
        if (!string.IsNullOrWhiteSpace(env))
        {
            return Directory.Exists(env) ? Path.GetFullPath(env) : null;
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

    /// <summary>The path of a file under shared/data, or null (with the skip reason written) when the data is absent.</summary>
    public static string? File(ITestOutputHelper output, params string[] parts)
    {
        var root = SharedDataPath();
        if (root is null)
        {
            output.WriteLine("SKIPPED: shared market data not found (set RP_SHARED_DATA or place it at ../shared/data)");
            return null;
        }

        return Path.Combine([root, .. parts]);
    }
}
