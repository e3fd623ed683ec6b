using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ResearchPlatform.Host.Tests.TestSupport;
using Xunit.Abstractions;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary>
/// <c>rp paper --resume</c> with real processes: a paced replay is killed with SIGKILL (kill -9) at 20 seeded random
/// moments (when its journal reaches seeded random lengths, so the kills land mid-run whatever the machine's speed)
/// and resumed each time; the finished session must equal an uninterrupted run of the same replay.
/// </summary>
public sealed partial class PaperResumeTests(ITestOutputHelper output)
{
    private const int Kills = 20;
    private const string Pace = "180000x"; // a 1h bar every 20 ms: 400 bars = 8 s of paced replay, kills land mid-run

    [Fact]
    public async Task Resume_AfterTwentyKillNines_JournalAndResultEqualAnUninterruptedRun()
    {
        using var dir = new TempDir();
        var csv = SyntheticCsv.Write(dir.File("bars.csv"), 400);
        string[] replay = ["paper", "--mode", "replay", "--data", csv, "--symbol", "SYN/USDT", "--seed", "momentum", "--gene", "fast=2", "--gene", "slow=5", "--participation", "1", "--json"];
        var watch = Stopwatch.StartNew();
        var (refExit, refOut, refErr) = await RpSession.RunAsync(dir.File("ws-ref"), replay);
        Assert.True(refExit == 0, refErr);
        using var reference = JsonDocument.Parse(refOut);
        var refSession = reference.RootElement.GetProperty("session_id").GetString()!;

        var ws = dir.File("ws");
        var total = File.ReadAllLines(Path.Combine(dir.File("ws-ref"), "journals", refSession, "S1.jsonl")).Length;
        var random = new Random(20_261_124);
        // Kill moments in the first two thirds (at a load of 40 the tail of a quarter, 1 s at 10 ms a bar, was overrun once): a kill lands a little after its target (the process runs on between the
        // poll and the signal), and the last runs must not reach the end of the replay before their kill.
        var targets = Enumerable.Range(1, (total * 2 / 3) - 1).OrderBy(_ => random.Next()).Take(Kills).Order().ToList();
        var run = RpSession.Start(ws, [.. replay, "--speed", Pace]);
        await run.WaitForStderrAsync("paper replay: session ", TimeSpan.FromMinutes(1));
        var session = SessionId().Match(run.Stderr).Groups[1].Value;
        var journal = Path.Combine(ws, "journals", session, "S1.jsonl");
        var entriesAtKill = new List<int>();
        for (var k = 0; k < Kills; k++)
        {
            var target = Math.Max(targets[k], (entriesAtKill.Count == 0 ? 0 : entriesAtKill[^1]) + 1);
            await WaitForEntriesAsync(run, journal, target);
            run.Kill();
            await run.WaitAsync(TimeSpan.FromSeconds(30));
            entriesAtKill.Add(Lines(journal));
            run = RpSession.Start(ws, "paper", "--resume", session, "--speed", Pace, "--json");
        }

        var (exit, stdout, stderr) = await run.WaitAsync(TimeSpan.FromMinutes(2));
        output.WriteLine($"journal entries at the kills: {string.Join(", ", entriesAtKill)}; {watch.Elapsed.TotalSeconds:F1} s in all");
        Assert.True(exit == 0, stderr);
        Assert.True(entriesAtKill.Zip(entriesAtKill.Skip(1)).All(p => p.First < p.Second) && entriesAtKill[0] > 0 && entriesAtKill[^1] <= total, "every kill landed later in the replay, before its end: " + string.Join(", ", entriesAtKill));

        var lines = File.ReadAllLines(journal);
        Assert.Equal(File.ReadAllLines(Path.Combine(dir.File("ws-ref"), "journals", refSession, "S1.jsonl")), lines);
        AssertEveryOrderOnceAndContiguous(lines);
        using var resumed = JsonDocument.Parse(stdout);
        var a = reference.RootElement.GetProperty("strategies")[0];
        var b = resumed.RootElement.GetProperty("strategies")[0];
        foreach (var field in new[] { "final_equity", "total_pnl", "fees", "trades", "orders_sent", "orders_denied" })
        {
            Assert.Equal(a.GetProperty(field).GetRawText(), b.GetProperty(field).GetRawText());
        }

        var venue = b.GetProperty("reconciliation");
        Assert.True(venue.GetProperty("agrees").GetBoolean(), venue.GetRawText());
        Assert.Equal(1, venue.GetProperty("max_placements_per_order").GetInt32());
        Assert.Equal(a.GetProperty("reconciliation").GetProperty("venue_net_pnl").GetDecimal(), venue.GetProperty("venue_net_pnl").GetDecimal());
        Assert.True(b.GetProperty("resume").GetProperty("check").GetProperty("agrees").GetBoolean());

        var (listExit, listOut, listErr) = await RpSession.RunAsync(ws, "orders", "list", "--session", session, "--limit", "100000", "--json");
        Assert.True(listExit == 0, listErr);
        using var list = JsonDocument.Parse(listOut);
        Assert.Equal(b.GetProperty("orders_sent").GetInt32() + b.GetProperty("orders_denied").GetInt32(), list.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Resume_UnknownOrCompletedSession_ExitsTwo()
    {
        using var dir = new TempDir();
        var csv = SyntheticCsv.Write(dir.File("bars.csv"), 60);
        var ws = dir.File("ws");
        var (exit, stdout, _) = await RpSession.RunAsync(ws, "paper", "--data", csv, "--symbol", "SYN/USDT", "--seed", "momentum", "--json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        var session = doc.RootElement.GetProperty("session_id").GetString()!;

        var completed = await RpSession.RunAsync(ws, "paper", "--resume", session);
        var unknown = await RpSession.RunAsync(ws, "paper", "--resume", "paper-nope");

        Assert.Equal((2, string.Empty), (completed.Exit, completed.Stdout));
        Assert.Contains($"session '{session}' is completed", completed.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("session 'paper-nope' not found", unknown.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The kill moments: when the journal (written with write() before each send) reaches a seeded random length.</summary>
    private static async Task WaitForEntriesAsync(RpSession run, string journal, int target)
    {
        var deadline = Stopwatch.StartNew();
        while (Lines(journal) < target)
        {
            Assert.False(run.HasExited, $"the process ended before the journal reached {target} entries: {run.Stderr}");
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(1), $"the journal did not reach {target} entries in a minute: {run.Stderr}");
            await Task.Delay(2);
        }
    }

    private static int Lines(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var n = 0;
        int b;
        while ((b = s.ReadByte()) >= 0)
        {
            n += b == '\n' ? 1 : 0;
        }

        return n;
    }

    private static void AssertEveryOrderOnceAndContiguous(string[] lines)
    {
        var sequences = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, lines.Length).Select(i => (long)i), sequences);
        var placed = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("kind").GetString() is "submitted" or "denied")
            .Select(e => e.GetProperty("client_order_id").GetString()!)
            .ToList();
        Assert.Equal(placed.Count, placed.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, placed.Count).Select(i => $"S1-{i:D8}"), placed);
    }

    [GeneratedRegex(@"session (\S+),")]
    private static partial Regex SessionId();
}
