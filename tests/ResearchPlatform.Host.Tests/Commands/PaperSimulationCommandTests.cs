using System.Diagnostics;
using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary><c>rp paper --mode simulation</c> as real processes: a seed gives the same session; a killed one resumes to the same end.</summary>
public sealed class PaperSimulationCommandTests
{
    private static readonly string[] Simulation =
        ["paper", "--mode", "simulation", "--seed-market", "7", "--bars", "500", "--seed", "momentum", "--gene", "fast=2", "--gene", "slow=5", "--funding-rate", "0.0001", "--json"];

    [Fact]
    public async Task Simulation_SameSeedKilledAndResumed_SameOrdersEquityAndFunding()
    {
        using var dir = new TempDir();
        var (exit, stdout, stderr) = await RpSession.RunAsync(dir.File("a"), Simulation);
        Assert.True(exit == 0, stderr);
        Assert.Contains("simulation market: seed 7, 500 1h bars", stderr, StringComparison.Ordinal);
        using var a = JsonDocument.Parse(stdout);
        var sa = a.RootElement.GetProperty("strategies")[0];
        Assert.True(sa.GetProperty("orders_sent").GetInt32() > 10);
        Assert.NotEqual(0m, sa.GetProperty("funding").GetDecimal());

        var ws = dir.File("b");
        var run = RpSession.Start(ws, [.. Simulation, "--speed", "360000x"]);
        await run.WaitForStderrAsync("paper simulation: session ", TimeSpan.FromMinutes(1));
        var session = run.Stderr.Split("session ")[1].Split(',')[0];
        var journal = Path.Combine(ws, "journals", session, "S1.jsonl");
        var watch = Stopwatch.StartNew();
        while (!File.Exists(journal) || new FileInfo(journal).Length < 4000)
        {
            Assert.False(run.HasExited || watch.Elapsed > TimeSpan.FromMinutes(1), run.Stderr);
            await Task.Delay(5);
        }

        run.Kill();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        var (rexit, rout, rerr) = await RpSession.RunAsync(ws, "paper", "--resume", session, "--json");

        Assert.True(rexit == 0, rerr);
        using var b = JsonDocument.Parse(rout);
        var sb = b.RootElement.GetProperty("strategies")[0];
        foreach (var field in new[] { "final_equity", "funding", "fees", "orders_sent", "trades" })
        {
            Assert.Equal(sa.GetProperty(field).GetRawText(), sb.GetProperty(field).GetRawText());
        }

        Assert.True(sb.GetProperty("resume").GetProperty("stored_entries").GetInt32() > 0);
        Assert.True(sb.GetProperty("reconciliation").GetProperty("agrees").GetBoolean());
    }
}
