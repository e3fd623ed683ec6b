using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands.Demo;

public sealed class DemoCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Demo_QuickTwice_StoresRunsReportsThemAndReusesTheWorkspace()
    {
        var ws = Path.Combine(_dir.Path, "demo-ws");
        var first = await RpProcess.RunAsync("demo", "--size", "quick", "--workspace", ws, "--json");
        Assert.True(first.ExitCode == 0, first.StdErr);
        var doc = JsonDocument.Parse(first.StdOut).RootElement;
        Assert.Contains("stage 6/6", first.StdErr, StringComparison.Ordinal);
        Assert.Contains("replay 100%", first.StdErr, StringComparison.Ordinal);

        var report = doc.GetProperty("report").GetString()!;
        Assert.True(File.Exists(report), report);
        var html = await File.ReadAllTextAsync(report);
        foreach (var section in new[] { "id=\"summary\"", "id=\"fitness\"", "id=\"equity\"", "id=\"breakers\"", "id=\"decisions\"" })
        {
            Assert.Contains(section, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("http://cdn", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        var strategies = doc.GetProperty("strategies").EnumerateArray().ToList();
        // paper-traded = has paper figures; a strategy that stayed flat in the replay has no Sharpe (null) but still its charts
        var paperRows = strategies.Where(s => s.GetProperty("paper_return").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(paperRows);
        // one fitness chart, then an equity and a drawdown chart per paper-traded strategy
        Assert.Equal(1 + (2 * paperRows.Count), CountOf(html, "<svg"));

        var alerts = doc.GetProperty("alerts_file").GetString()!;
        Assert.StartsWith(Path.GetFullPath(ws), alerts, StringComparison.Ordinal);
        Assert.NotEmpty(File.ReadAllLines(alerts));

        AssertFiguresMatchTheDatabase(ws, doc, html);

        var second = await RpProcess.RunAsync("demo", "--size", "quick", "--workspace", ws, "--json");
        Assert.True(second.ExitCode == 0, second.StdErr);
        var again = JsonDocument.Parse(second.StdOut).RootElement;
        Assert.Contains("reusing completed run", second.StdErr, StringComparison.Ordinal);
        Assert.Contains("already imported", second.StdErr, StringComparison.Ordinal);
        Assert.Equal(doc.GetProperty("run_id").GetString(), again.GetProperty("run_id").GetString());
        Assert.Equal(
            strategies.Select(s => s.GetProperty("id").GetString()),
            again.GetProperty("strategies").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.NotEqual(doc.GetProperty("paper_session").GetString(), again.GetProperty("paper_session").GetString());
    }

    [Theory]
    [InlineData("--port", "70000", "--port")]
    [InlineData("--samples", "no-such-folder", "BTCUSD-coinbase-1d.csv")]
    [InlineData("--speed", "fast", "--speed")]
    [InlineData("--population", "2", "--population")]
    public async Task Demo_BadInput_ExitsTwoNamingTheThing(string option, string value, string named)
    {
        var ws = Path.Combine(_dir.Path, "bad-ws");
        var r = await RpProcess.RunAsync("demo", "--size", "quick", "--workspace", ws, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(named, r.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(ws, "research.duckdb")), "bad input must not start any work");
    }

    [Fact]
    public async Task Demo_FreshOnAWorkspaceTheDemoDidNotMake_RefusesAndDeletesNothing()
    {
        var ws = Path.Combine(_dir.Path, "research-ws");
        Directory.CreateDirectory(ws);
        var notes = Path.Combine(ws, "notes.txt");
        await File.WriteAllTextAsync(notes, "my research");
        var r = await RpProcess.RunAsync("demo", "--size", "quick", "--fresh", "--workspace", ws);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("does not look like a demo workspace (it holds notes.txt)", r.StdErr, StringComparison.Ordinal);
        Assert.True(File.Exists(notes), "--fresh must not delete a folder the demo did not make");
        Assert.Empty(r.StdOut);
    }

    private static void AssertFiguresMatchTheDatabase(string ws, JsonElement doc, string html)
    {
        using var db = ResearchDatabase.Open(Path.Combine(ws, "research.duckdb"));
        var runId = doc.GetProperty("run_id").GetString()!;
        var generations = new RunReader(db).Generations(runId);
        var fitness = doc.GetProperty("fitness_per_generation").EnumerateArray().ToList();
        Assert.Equal(generations.Count, fitness.Count);
        Assert.Equal(generations[^1].Stats.BestFitness, fitness[^1].GetProperty("best").GetDouble(), 9);

        var hallOfFame = new RunReader(db).HallOfFame(runId).Where(e => e.List == "hall_of_fame").ToList();
        var store = new DeploymentStore(db);
        var stages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in doc.GetProperty("strategies").EnumerateArray())
        {
            var stored = store.Get(row.GetProperty("id").GetString()!);
            Assert.NotNull(stored);
            var stage = row.GetProperty("stage").GetString()!;
            Assert.Equal(DeploymentStore.Name(stored.Stage), stage);
            stages.Add(stage);

            // the backtest figure is the hall of fame's out-of-sample Sharpe, as stored by the evolution run
            var sharpe = row.GetProperty("backtest_sharpe").GetDouble();
            Assert.Equal(stored.Backtest!.Sharpe, sharpe, 9);
            Assert.Contains(hallOfFame, e => e.OutOfSample.Sharpe is { } s && Math.Abs(s - sharpe) < 1e-9);
            Assert.Contains(">" + sharpe.ToString("0.00", CultureInfo.InvariantCulture) + "<", html, StringComparison.Ordinal);
            if (row.GetProperty("paper_return").ValueKind == JsonValueKind.Number)
            {
                // a strategy that stayed flat through the replay (no trades) has no Sharpe
                if (row.GetProperty("paper_sharpe").ValueKind == JsonValueKind.Number)
                {
                    Assert.Equal(stored.Paper!.Sharpe, row.GetProperty("paper_sharpe").GetDouble(), 9);
                }
                else
                {
                    Assert.Equal(0, row.GetProperty("trades").GetInt32());
                }

                Assert.Equal(stored.Paper!.MaxDrawdown, row.GetProperty("paper_max_drawdown").GetDouble(), 9);
                Assert.True(stored.Paper.Days >= 14, $"{stored.Id}: {stored.Paper.Days} paper days");
                Assert.Contains(stage, new[] { "paper", "approved" });
            }
            else
            {
                Assert.Equal("retired", stage);
            }
        }

        Assert.True(stages.Contains("approved") || stages.Contains("paper"), string.Join(",", stages));
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
