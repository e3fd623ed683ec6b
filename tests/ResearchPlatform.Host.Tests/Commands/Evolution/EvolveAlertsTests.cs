using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands.Evolution;

/// <summary><c>rp evolve</c> raises a GENETIC alert when a run finishes, stops or fails, unless <c>--no-alerts</c>; exit codes stay as they were.</summary>
public sealed class EvolveAlertsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Evolve_Finished_OneInformationalGeneticAlertInTheHistoryAndNoneWithNoAlerts()
    {
        var data = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 3000);
        string[] run = ["evolve", "--data", data, "--population", "16", "--generations", "2", "--folds", "2", "--min-trades", "2", "--seed-types", "momentum", "--json"];

        var (exit, stdout, stderr) = await RpSession.RunAsync(_dir.Path, run);
        var (quietExit, _, quietStderr) = await RpSession.RunAsync(_dir.Path, [.. run, "--no-alerts"]);

        Assert.True(exit == 0, stderr);
        Assert.True(quietExit == 0, quietStderr);
        using var _ = JsonDocument.Parse(stdout); // the alert goes to stderr and the history, stdout stays one JSON document
        Assert.Contains("INFORMATIONAL GENETIC evolution: Evolution run evo-0001 finished", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("GENETIC", quietStderr, StringComparison.Ordinal);
        var alerts = await AlertsAsync();
        var alert = Assert.Single(alerts);
        Assert.Equal("evolve:evo-0001:finished", alert.GetProperty("key").GetString());
        Assert.Equal("genetic", alert.GetProperty("category").GetString());
        Assert.Equal("informational", alert.GetProperty("level").GetString());
        Assert.Equal("1", alert.GetProperty("context").GetProperty("generation").GetString());
        Assert.StartsWith("Generation 1: best fitness ", alert.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evolve_FailsAfterTheRunStarted_CriticalAlertWithTheErrorAndExitCodeOne()
    {
        var data = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 1000);

        // No silo listens on port 1 and local fallback is off: the run is created, then its evaluation fails.
        var (exit, _, stderr) = await RpSession.RunAsync(
            _dir.Path, "evolve", "--data", data, "--population", "8", "--generations", "2", "--folds", "2", "--seed-types", "momentum",
            "--cluster", "localhost:1", "--cluster-threshold", "1", "--no-local-fallback");

        Assert.Equal(1, exit);
        Assert.Contains("cannot connect to the cluster localhost:1", stderr, StringComparison.Ordinal);
        var alert = Assert.Single(await AlertsAsync());
        Assert.Equal("evolve:evo-0001:failed", alert.GetProperty("key").GetString());
        Assert.Equal("critical", alert.GetProperty("level").GetString());
        Assert.Contains("cannot connect to the cluster localhost:1", alert.GetProperty("body").GetString(), StringComparison.Ordinal);

        // the run failed before its first generation: stored as failed, not left running
        var (listExit, list, _) = await RpSession.RunAsync(_dir.Path, "runs", "list", "--json");
        Assert.Equal(0, listExit);
        using var listed = JsonDocument.Parse(list);
        Assert.Equal("failed", listed.RootElement.GetProperty("runs")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Evolve_Sigterm_StopsLikeCtrlCWithExitCodeOneAndAStoppedWarning()
    {
        var data = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 20_000);
        var run = RpSession.Start(_dir.Path, "evolve", "--data", data, "--population", "96", "--generations", "40", "--stagnation", "0", "--min-trades", "2", "--threads", "1");
        await run.WaitForStderrAsync("gen 1/40", TimeSpan.FromMinutes(2));

        run.Terminate();
        var (exit, _, stderr) = await run.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(1, exit);
        Assert.Contains("continue with: rp evolve --resume evo-0001", stderr, StringComparison.Ordinal);
        var alert = Assert.Single(await AlertsAsync());
        Assert.Equal("evolve:evo-0001:stopped", alert.GetProperty("key").GetString());
        Assert.Equal("warning", alert.GetProperty("level").GetString());
        Assert.EndsWith("Continue with: rp evolve --resume evo-0001", alert.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    private async Task<List<JsonElement>> AlertsAsync()
    {
        var (exit, list, stderr) = await RpSession.RunAsync(_dir.Path, "alerts", "list", "--json", "--limit", "100");
        Assert.True(exit == 0, stderr);
        return JsonDocument.Parse(list).RootElement.EnumerateArray().ToList();
    }
}
