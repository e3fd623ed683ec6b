using System.Text.Json;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands.RiskEvolution;

/// <summary><c>rp evolve-risk</c> and <c>rp risk-runs</c> as real processes.</summary>
public sealed class EvolveRiskCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EvolveRisk_SeedStrategyJson_OneDocumentStoredAndListed()
    {
        var data = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 1500);

        var (exit, stdout, stderr) = await RpSession.RunAsync(
            _dir.Path, "evolve-risk", "--data", data, "--seed", "momentum", "--gene", "fast=8", "--population", "8", "--generations", "2", "--json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var run = root.GetProperty("run");
        Assert.Equal("evo-0001", run.GetProperty("run_id").GetString());
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.Equal("risk:default", run.GetProperty("hall_of_fame")[0].GetProperty("seed_type").GetString());
        Assert.True(run.GetProperty("hall_of_fame")[0].GetProperty("genes").TryGetProperty("max_position_size_pct", out _));
        Assert.Equal("seed momentum", root.GetProperty("strategies_from").GetString());
        Assert.Equal(8.0, root.GetProperty("strategies")[0].GetProperty("genes")[2].GetDouble());
        var baseline = root.GetProperty("baseline").GetProperty("fitness").GetDouble();
        Assert.Equal(run.GetProperty("hall_of_fame")[0].GetProperty("fitness").GetDouble() - baseline, root.GetProperty("best_minus_baseline").GetDouble(), 9);
        Assert.Contains("gen 2/2", stderr, StringComparison.Ordinal);

        var (listExit, list, _) = await RpSession.RunAsync(_dir.Path, "risk-runs", "list", "--json");
        Assert.Equal(0, listExit);
        using var listDoc = JsonDocument.Parse(list);
        var row = Assert.Single(listDoc.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal(baseline, row.GetProperty("baseline_fitness").GetDouble());
        using var db = ResearchDatabase.Open(Path.Combine(_dir.Path, ResearchDatabase.FileName));
        Assert.Equal(2, new RunReader(db).Generations("evo-0001").Count);
    }

    [Theory]
    [InlineData(new[] { "evolve-risk", "--data", "DATA" }, "give either --strategies RUN_ID:N")]
    [InlineData(new[] { "evolve-risk", "--data", "DATA", "--seed", "momentum", "--strategies", "evo-0001:2" }, "give either --strategies RUN_ID:N")]
    [InlineData(new[] { "evolve-risk", "--data", "DATA", "--strategies", "evo-0009:2" }, "no evolution run 'evo-0009'")]
    [InlineData(new[] { "evolve-risk", "--data", "DATA", "--strategies", "evo-0009" }, "expected RUN_ID:N")]
    [InlineData(new[] { "evolve-risk", "--data", "DATA", "--seed", "momentum", "--risk", "nope" }, "unknown risk genome 'nope' (known: aggressive, conservative, default)")]
    [InlineData(new[] { "risk-runs", "show", "evo-0042" }, "no risk-genome run 'evo-0042'")]
    public async Task EvolveRisk_BadInput_ExitsTwoAndStoresNoRun(string[] args, string message)
    {
        var data = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 300);

        var (exit, stdout, stderr) = await RpSession.RunAsync(_dir.Path, args.Select(a => a == "DATA" ? data : a).ToArray());

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
        if (File.Exists(Path.Combine(_dir.Path, ResearchDatabase.FileName)))
        {
            using var db = ResearchDatabase.Open(Path.Combine(_dir.Path, ResearchDatabase.FileName));
            Assert.Empty(new EvolutionRunStore(db, TimeProvider.System).List());
        }
    }
}
