using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands.Decisions;

public sealed class DecisionCommandsTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _rules;

    public DecisionCommandsTests()
    {
        _rules = Path.Combine(_dir.Path, "rules");
        Directory.CreateDirectory(_rules);
        foreach (var f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "rules")))
        {
            File.Copy(f, Path.Combine(_rules, Path.GetFileName(f)));
        }
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RulesCheck_BrokenRule_Exit2WithFileLineColumn()
    {
        var ok = await RpProcess.RunAsync("rules", "check", "--rules", _rules, "--json");
        Assert.Equal(0, ok.ExitCode);
        Assert.True(JsonDocument.Parse(ok.StdOut).RootElement.GetProperty("ok").GetBoolean());

        var file = Path.Combine(_rules, "emergency_shutdown.csx");
        await File.WriteAllTextAsync(file, "var a = 1;\nvar b = a +;\nreturn Decide.Shutdown(false, 1, \"\", Urgency.Low);\n");
        var bad = await RpProcess.RunAsync("rules", "check", "--rules", _rules);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains(file + ":2:12:", bad.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_LowConfidence_QueuedThenApprovedViaDecisionsCommands()
    {
        var ws = Path.Combine(_dir.Path, "ws");
        var ctx = _dir.Write("ctx.json", """{ "capital": 5000, "strategies": [] }""");
        var decide = await RpProcess.RunAsync("--workspace", ws, "decide", "STRATEGY_POOL_SIZING", "--context", ctx, "--rules", _rules, "--json");
        Assert.Equal(0, decide.ExitCode);
        var d = JsonDocument.Parse(decide.StdOut).RootElement;
        Assert.Equal(5, d.GetProperty("value").GetProperty("pool_size").GetInt32()); // 5k * 1 per 1k, no live strategies
        Assert.Equal(0.6, d.GetProperty("confidence").GetDouble());
        Assert.Equal("pending", d.GetProperty("routing").GetString());
        var id = d.GetProperty("id").GetString()!;

        var list = await RpProcess.RunAsync("--workspace", ws, "decisions", "list", "--pending", "--json");
        Assert.Equal(id, JsonDocument.Parse(list.StdOut).RootElement[0].GetProperty("id").GetString());
        var approve = await RpProcess.RunAsync("--workspace", ws, "decisions", "approve", id, "--json");
        Assert.Equal(0, approve.ExitCode);
        Assert.Equal("approved", JsonDocument.Parse(approve.StdOut).RootElement.GetProperty("status").GetString());
        var again = await RpProcess.RunAsync("--workspace", ws, "decisions", "reject", id);
        Assert.Equal(2, again.ExitCode);
        var unknown = await RpProcess.RunAsync("--workspace", ws, "decide", "NOPE", "--context", ctx, "--rules", _rules);
        Assert.Equal(2, unknown.ExitCode);
    }
}
