using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands;

public sealed class StrategiesCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Strategies_FromRunThroughHumanAndDecision_TransitionsStoredWithCause()
    {
        var ws = Path.Combine(_dir.Path, "ws");
        var data = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 3000);
        var evolve = await RpProcess.RunAsync("--workspace", ws, "evolve", "--data", data, "--population", "16", "--generations", "2", "--folds", "3",
            "--min-trades", "2", "--seed-types", "momentum", "--json");
        Assert.True(evolve.ExitCode == 0, evolve.StdErr);
        var runId = JsonDocument.Parse(evolve.StdOut).RootElement.GetProperty("run_id").GetString()!;

        var add = await RpProcess.RunAsync("--workspace", ws, "strategies", "add", "--run", runId, "--top", "3", "--json");
        Assert.True(add.ExitCode == 0, add.StdErr);
        var added = JsonDocument.Parse(add.StdOut).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, added.Count);
        foreach (var s in added)
        {
            // The gate is min_backtest_sharpe = 1.5 from the shipped thresholds; the stage follows the out-of-sample Sharpe.
            var sharpe = s.GetProperty("backtest").GetProperty("sharpe").GetDouble();
            Assert.Equal(sharpe >= 1.5 ? "backtested" : "retired", s.GetProperty("stage").GetString());
            Assert.Equal(JsonValueKind.Object, s.GetProperty("genes").ValueKind);
        }

        var again = await RpProcess.RunAsync("--workspace", ws, "strategies", "add", "--run", runId, "--top", "3", "--json");
        Assert.Equal(3, JsonDocument.Parse(again.StdOut).RootElement.GetArrayLength());
        var list = await RpProcess.RunAsync("--workspace", ws, "strategies", "list", "--json");
        Assert.Equal(3, JsonDocument.Parse(list.StdOut).RootElement.GetArrayLength());

        var id = added[0].GetProperty("id").GetString()!;
        var retire = await RpProcess.RunAsync("--workspace", ws, "strategies", "retire", id, "--reason", "not wanted");
        var retiredAgain = await RpProcess.RunAsync("--workspace", ws, "strategies", "retire", id, "--reason", "again");
        if (added[0].GetProperty("stage").GetString() == "retired")
        {
            Assert.Equal(2, retire.ExitCode);
        }
        else
        {
            Assert.True(retire.ExitCode == 0, retire.StdErr);
            Assert.Contains($"{id}: {added[0].GetProperty("stage").GetString()} -> retired: retired by a human: not wanted", retire.StdOut, StringComparison.Ordinal);
        }

        Assert.Equal(2, retiredAgain.ExitCode);
        Assert.Contains("already retired", retiredAgain.StdErr, StringComparison.Ordinal);

        var show = await RpProcess.RunAsync("--workspace", ws, "strategies", "show", id, "--json");
        var transitions = JsonDocument.Parse(show.StdOut).RootElement.GetProperty("transitions").EnumerateArray().ToList();
        Assert.Equal("retired", transitions[^1].GetProperty("to").GetString());
        Assert.Equal(("system", "candidate"), (transitions[0].GetProperty("actor").GetString(), transitions[0].GetProperty("to").GetString()));
    }

    [Fact]
    public async Task StrategiesApply_PendingPoolSizing_NotAppliedUntilApproved()
    {
        var ws = Path.Combine(_dir.Path, "ws");
        var ctx = _dir.Write("ctx.json", """{ "capital": 5000, "strategies": [] }""");
        var decide = await RpProcess.RunAsync("--workspace", ws, "decide", "STRATEGY_POOL_SIZING", "--context", ctx, "--json");
        Assert.True(decide.ExitCode == 0, decide.StdErr);
        var id = JsonDocument.Parse(decide.StdOut).RootElement.GetProperty("id").GetString()!;

        var pending = await RpProcess.RunAsync("--workspace", ws, "strategies", "apply", id);
        Assert.Equal(0, pending.ExitCode);
        Assert.Contains("awaits a human verdict", pending.StdOut, StringComparison.Ordinal);

        Assert.Equal(0, (await RpProcess.RunAsync("--workspace", ws, "decisions", "approve", id)).ExitCode);
        var applied = await RpProcess.RunAsync("--workspace", ws, "strategies", "apply", id, "--json");
        Assert.True(applied.ExitCode == 0, applied.StdErr);
        var doc = JsonDocument.Parse(applied.StdOut).RootElement;
        Assert.Equal(0, doc.GetProperty("transitions").GetArrayLength());
        Assert.Equal(0, doc.GetProperty("skipped").GetArrayLength());
    }

    [Theory]
    [InlineData(new[] { "strategies", "show", "nope" }, "no strategy with id 'nope'")]
    [InlineData(new[] { "strategies", "promote", "nope" }, "--reason")]
    [InlineData(new[] { "strategies", "list", "--stage", "moon" }, "unknown stage 'moon'")]
    [InlineData(new[] { "strategies", "add", "--run", "evo-0042" }, "run 'evo-0042' has no hall of fame")]
    [InlineData(new[] { "strategies", "apply", "D-nope" }, "no decision with id 'D-nope'")]
    public async Task Strategies_BadInput_ExitsTwoNamingTheProblem(string[] args, string message)
    {
        var r = await RpProcess.RunAsync(["--workspace", Path.Combine(_dir.Path, "ws"), .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.StdErr, StringComparison.Ordinal);
    }
}
