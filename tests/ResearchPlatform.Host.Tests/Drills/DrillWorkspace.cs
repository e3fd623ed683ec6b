using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Drills;

/// <summary>
/// Workspaces for the reliability drills: one import of seeded synthetic 1h bars (symbol SYN/USDT) into a template
/// workspace, copied per run (its database only), a <c>Resilience</c> config with fast limits, and state-file polling.
/// </summary>
internal static class DrillWorkspace
{
    public const string Symbol = "SYN/USDT";

    public static async Task<string> CreateTemplateAsync(string root, int bars)
    {
        var template = Directory.CreateDirectory(Path.Combine(root, "template")).FullName;
        var csv = SyntheticCsv.Write(Path.Combine(root, "bars.csv"), bars, seed: 29);
        var import = await RpProcess.RunAsync("data", "import", csv, "--symbol", Symbol, "--interval", "1h", "--workspace", template);
        Assert.True(import.ExitCode == 0, import.StdErr);
        return template;
    }

    public static string Copy(string template, string root, string name)
    {
        var ws = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        foreach (var file in Directory.GetFiles(template))
        {
            File.Copy(file, Path.Combine(ws, Path.GetFileName(file)));
        }

        return ws;
    }

    /// <summary>Fast limits: 2 restarts (100 ms base backoff), probes every 50 ms, a snapshot every 50 ms.</summary>
    public static string WriteConfig(string root)
    {
        var path = Path.Combine(root, "resilience.json");
        File.WriteAllText(path, """{"Resilience": {"MaxRestarts": 2, "BaseBackoffMs": 100, "MaxBackoffMs": 400, "FailureLimit": 3, "ProbeIntervalMs": 50, "SnapshotIntervalMs": 50}}""");
        return path;
    }

    public static string[] ServeArgs(string config, string speed) =>
        ["--replay", Symbol, "--replay-interval", "1h", "--replay-speed", speed, "--config", config, "--decision-every", "0"];

    /// <summary>The state snapshot, or null while there is none (or it is being replaced).</summary>
    public static JsonDocument? TryState(string ws)
    {
        try
        {
            var path = Path.Combine(ws, "serve", "state.json");
            return File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)) : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    public static async Task<JsonDocument> WaitForStateAsync(string ws, Func<JsonElement, bool> condition, ServeProcess serve, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var doc = TryState(ws);
            if (doc is not null && condition(doc.RootElement))
            {
                return doc;
            }

            doc?.Dispose();
            Assert.True(DateTime.UtcNow < deadline, "state not reached in time; stderr:\n" + serve.Stderr);
            await Task.Delay(10);
        }
    }

    public static async Task WaitForLogAsync(ServeProcess serve, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!serve.Stderr.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"'{text}' not logged in time; stderr:\n" + serve.Stderr);
            await Task.Delay(10);
        }
    }

    /// <summary>Journal lines per strategy id (file names are SESSION-ID.jsonl).</summary>
    public static Dictionary<string, string[]> Journals(string ws, string session) =>
        Directory.GetFiles(Path.Combine(ws, "serve", "journal"), session + "-*.jsonl")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f)[(session.Length + 1)..], File.ReadAllLines, StringComparer.Ordinal);
}
