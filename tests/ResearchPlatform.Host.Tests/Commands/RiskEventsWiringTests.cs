using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary>
/// CLI commands that trade or evolve raise alerts into the workspace's DuckDB (<c>rp alerts list</c> shows them) and
/// store their risk events (<c>rp risk events</c>), with the market state (realised volatility) driving the breakers.
/// </summary>
public sealed class RiskEventsWiringTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Paper_SampleBars_AlertsAndRiskEventsInDuckDb()
    {
        var sample = ClusterProcesses.Sample("BTCUSD-coinbase-1d.csv");
        Assert.Equal(0, (await RpSession.RunAsync(_dir.Path, "data", "import", sample, "--symbol", "BTC/USD", "--interval", "1d")).Exit);

        var (exit, _, stderr) = await RpSession.RunAsync(_dir.Path, "paper", "--symbol", "BTC/USD", "--interval", "1d", "--seed", "momentum", "--json");
        Assert.True(exit == 0, stderr);

        var (listExit, list, _) = await RpSession.RunAsync(_dir.Path, "alerts", "list", "--json", "--limit", "200");
        Assert.Equal(0, listExit);
        using var alerts = JsonDocument.Parse(list);
        var trip = Assert.Single(alerts.RootElement.EnumerateArray(), a => a.GetProperty("key").GetString() == "breaker:volatility_spike:momentum");
        Assert.Equal("risk_manager", trip.GetProperty("component").GetString());
        Assert.Contains(trip.GetProperty("deliveries").EnumerateArray(), d => d.GetProperty("channel").GetString() == "file" && d.GetProperty("status").GetString() == "delivered");

        var (eventsExit, events, _) = await RpSession.RunAsync(_dir.Path, "risk", "events", "--kind", "paper", "--limit", "1000", "--json");
        Assert.Equal(0, eventsExit);
        using var doc = JsonDocument.Parse(events);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("kind").GetString() == "breaker_tripped" && r.GetProperty("breakers").GetString()!.StartsWith("volatility_spike tripped at 0.9065", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.GetProperty("kind").GetString() == "level_change" && r.GetProperty("to").GetString() == "MODERATE");
        Assert.All(rows, r => Assert.EndsWith("/S1", r.GetProperty("source_id").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvolveRisk_VolatileBars_VolatilityBreakerEventStored()
    {
        var sample = ClusterProcesses.Sample("BTCUSD-coinbase-1d.csv");

        var (exit, _, stderr) = await RpSession.RunAsync(
            _dir.Path, "evolve-risk", "--data", sample, "--symbol", "BTC/USD", "--interval", "1d", "--seed", "momentum", "--population", "4", "--generations", "1", "--folds", "1", "--no-alerts", "--json");

        Assert.True(exit == 0, stderr);
        Assert.Contains("market state: realised volatility only", stderr, StringComparison.Ordinal);
        var (eventsExit, events, _) = await RpSession.RunAsync(_dir.Path, "risk", "events", "--kind", "evolve-risk", "--source", "evo-0001/baseline/", "--limit", "1000", "--json");
        Assert.Equal(0, eventsExit);
        using var doc = JsonDocument.Parse(events);
        Assert.Contains(doc.RootElement.EnumerateArray(), r =>
            r.GetProperty("kind").GetString() == "level_change" && r.GetProperty("breakers").GetString()!.Contains("volatility_spike tripped at 0.9065", StringComparison.Ordinal));
        var (listExit, list, _) = await RpSession.RunAsync(_dir.Path, "alerts", "list", "--json");
        Assert.Equal(0, listExit);
        Assert.Equal("[]", list.Trim());
    }
}
