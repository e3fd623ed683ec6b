using System.Diagnostics;
using System.Text.Json;
using ResearchPlatform.Host.Plugins;
using ResearchPlatform.Host.Tests.Plugins;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary>Runs the built <c>rp.dll</c> as a real process, as a user would.</summary>
public sealed class PluginsCommandTests : IDisposable
{
    private readonly PluginSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task PluginsList_Json_PrintsOneDocumentWithStatusesAndErrors()
    {
        var good = _sandbox.Add(PluginSandbox.Good);
        var throwing = _sandbox.Add(PluginSandbox.Throwing);

        var (exit, stdout, stderr) = await RunRp(["plugins", "list", "--json"], _sandbox.Root);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var plugins = doc.RootElement.GetProperty("plugins").EnumerateArray().ToList();
        Assert.Equal(["Hyperliquid", "RiskGenomes", "Seeds", "TestGood", "TestThrowing"], plugins.Select(p => p.GetProperty("id").GetString()));
        var seeds = plugins[2];
        Assert.NotEqual("failed", seeds.GetProperty("status").GetString());
        Assert.Equal(PluginSearchPaths.BuildOutputOrigin, seeds.GetProperty("origin").GetString());

        var loaded = plugins[3];
        Assert.Equal("loaded", loaded.GetProperty("status").GetString());
        Assert.Equal("1.2.3", loaded.GetProperty("version").GetString());
        Assert.Equal("1.0", loaded.GetProperty("sdk_version").GetString());
        Assert.Equal(["seed:test_flat", "seed:test_level"], loaded.GetProperty("provides").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["seed:test_flat", "seed:test_level"], loaded.GetProperty("found").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, loaded.GetProperty("error").ValueKind);
        Assert.Equal(good, loaded.GetProperty("folder").GetString());
        Assert.Equal(PluginVersionTag.Compute(good, "1.2.3"), loaded.GetProperty("version_tag").GetString());

        var failed = plugins[4];
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal(throwing, failed.GetProperty("folder").GetString());
        Assert.Equal(PluginSearchPaths.EnvironmentVariable, failed.GetProperty("origin").GetString());
        Assert.Equal(
            "constructor of ResearchPlatform.TestPlugins.Throwing.ThrowingSeedType failed: InvalidOperationException: test plugin: the constructor always fails",
            failed.GetProperty("error").GetString());
        Assert.Empty(failed.GetProperty("found").EnumerateArray());
    }

    [Fact]
    public async Task PluginsList_PluginsOptionFolderMissing_TableShowsFailedRow()
    {
        var missing = Path.Combine(_sandbox.Root, "nowhere");

        var (exit, stdout, _) = await RunRp(["plugins", "list", "--plugins", missing], null);

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id ", lines[0]);
        Assert.Contains("version tag", lines[0]);
        var row = Assert.Single(lines, l => l.Contains(missing, StringComparison.Ordinal));
        Assert.Contains("FAILED", row);
        Assert.Contains("plugins folder does not exist (from --plugins)", row);
        Assert.Contains(lines, l => l.StartsWith("Seeds ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PluginsList_Help_ExitsZeroAndNamesOptions()
    {
        var (exit, stdout, _) = await RunRp(["plugins", "list", "--help"], null);

        Assert.Equal(0, exit);
        Assert.Contains("--json", stdout);
        Assert.Contains("--plugins", stdout);
    }

    [Fact]
    public async Task PluginsList_UnknownOption_ExitsTwo()
    {
        var (exit, _, stderr) = await RunRp(["plugins", "list", "--bogus"], null);

        Assert.Equal(2, exit);
        Assert.Contains("--bogus", stderr);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunRp(string[] args, string? pluginsPath)
    {
        var rp = Path.Combine(AppContext.BaseDirectory, "rp.dll");
        Assert.True(File.Exists(rp), $"rp.dll not found at {rp}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(rp);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove(PluginSearchPaths.EnvironmentVariable);
        if (pluginsPath is not null)
        {
            start.Environment[PluginSearchPaths.EnvironmentVariable] = pluginsPath;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
