using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary>Runs <c>rp bench evolve</c> as a real process on a small synthetic series (figures are printed, not asserted).</summary>
public sealed class EvolveBenchCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BenchEvolve_Json_BookkeepingSharesConsistentWithThePerGenerationFigures()
    {
        var data = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 2000);

        var (exit, stdout, stderr) = await RpSession.RunAsync(_dir.Path, "bench", "evolve", "--data", data, "--population", "40", "--generations", "3", "--folds", "2", "--threads", "1", "--json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var gens = root.GetProperty("per_generation").EnumerateArray().ToList();
        Assert.Equal(3, gens.Count);
        var seconds = gens.Sum(g => g.GetProperty("seconds").GetDouble());
        var bookkeeping = gens.Sum(g => g.GetProperty("bookkeeping_seconds").GetDouble());
        Assert.Equal(bookkeeping / seconds, root.GetProperty("bookkeeping_share_aggregate").GetDouble(), 9);
        Assert.InRange(root.GetProperty("bookkeeping_share_aggregate").GetDouble(), 0, root.GetProperty("bookkeeping_share_max").GetDouble());
        Assert.All(gens, g => Assert.True(g.GetProperty("gc_pause_seconds").GetDouble() >= 0 && g.GetProperty("gc_collections").GetInt32() >= 0));
    }
}
