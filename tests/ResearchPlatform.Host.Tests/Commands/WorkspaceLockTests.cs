using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary>
/// Two real <c>rp</c> processes on one workspace (DuckDB allows one writer per file): a command that finds the database
/// held waits up to <c>RP_DB_LOCK_WAIT</c> and then fails naming the holder's likely kind; one that is still waiting when
/// the holder lets go goes on and succeeds.
/// </summary>
public sealed class WorkspaceLockTests
{
    [Fact]
    public async Task RunsList_WhileAPaperReplayHoldsTheWorkspace_FailsAfterTheWait_OrSucceedsWhenTheHolderLetsGo()
    {
        using var dir = new TempDir();
        var csv = SyntheticCsv.Write(dir.File("bars.csv"), 2000);
        var ws = dir.File("ws");
        // a paced replay (a 1h bar every 50 ms: 100 s in all) holds the workspace database while it runs
        var holder = RpSession.Start(ws, "paper", "--mode", "replay", "--data", csv, "--symbol", "SYN/USDT", "--seed", "momentum", "--gene", "fast=2", "--gene", "slow=5", "--speed", "72000x", "--json");
        try
        {
            await holder.WaitForStderrAsync("paper replay: session ", TimeSpan.FromMinutes(2));

            var (exit, stdout, stderr) = await RpSession.Start(ws, new Dictionary<string, string> { ["RP_DB_LOCK_WAIT"] = "0.5" }, "runs", "list", "--json").WaitAsync(TimeSpan.FromMinutes(2));
            Assert.False(holder.HasExited, "the replay ended before the check: " + holder.Stderr);
            Assert.Equal(1, exit);
            Assert.Equal(string.Empty, stdout.Trim());
            Assert.Contains("another process holds it (waited 0.5 s)", stderr, StringComparison.Ordinal);
            Assert.Contains("RP_DB_LOCK_WAIT", stderr, StringComparison.Ordinal);

            var waiting = RpSession.Start(ws, new Dictionary<string, string> { ["RP_DB_LOCK_WAIT"] = "600" }, "runs", "list", "--json");
            await Task.Delay(1000);
            Assert.False(waiting.HasExited, "runs list finished while the replay held the database: " + waiting.Stderr);
            holder.Kill(); // the lock goes with the process
            await holder.WaitAsync(TimeSpan.FromSeconds(30));

            var (exit2, stdout2, stderr2) = await waiting.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(exit2 == 0, stderr2);
            using var doc = JsonDocument.Parse(stdout2);
            Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill();
            }
        }
    }
}
