namespace ResearchPlatform.Dashboard.Tests.TestSupport;

/// <summary>
/// Debian's chromium package, driven by Playwright through its executable path (the Playwright browser download does
/// not work on this machine). <c>RP_CHROMIUM</c> overrides the path.
/// </summary>
internal static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The browser executable, or an exception telling how to install it.</summary>
    public static string ExecutablePath()
    {
        var env = Environment.GetEnvironmentVariable("RP_CHROMIUM");
        var path = string.IsNullOrWhiteSpace(env) ? DefaultPath : env;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"chromium not found at {path}: the dashboard browser tests need Debian's chromium package. " +
                "Run scripts/ci-setup.sh as root (it installs it; CI does this through .ci/run) or set RP_CHROMIUM.");
        }

        return path;
    }

    /// <summary>Flags for a quiet, reproducible headless run in a container (Playwright adds its own fresh --user-data-dir).</summary>
    public static IReadOnlyList<string> Args { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];
}
