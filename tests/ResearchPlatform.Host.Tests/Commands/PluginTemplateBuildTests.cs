using System.Diagnostics;
using System.Text.Json;
using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Host.Commands;
using ResearchPlatform.Host.Plugins;
using ResearchPlatform.Host.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;
using ResearchPlatform.Sdk.Risk;
using Xunit.Abstractions;

namespace ResearchPlatform.Host.Tests.Commands;

/// <summary>
/// Every template of <c>rp plugins new</c> scaffolds a project that a real <c>dotnet build</c> compiles against the
/// host's Sdk with no warnings, that <c>rp plugins list --json</c> loads, and whose example works (one build per kind,
/// ~5-20 s each; the tests of one class run sequentially).
/// </summary>
public sealed class PluginTemplateBuildTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Scaffold_SeedKind_BuildsLoadsAndSignals()
    {
        using var dir = new TempDir();
        var bin = await ScaffoldAndBuildAsync(dir.Path, "TrendPlus", "seed");
        await AssertListedAsync(bin, "TrendPlus", "seed:trend_plus");

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(bin));
        Assert.True(catalog.TryGetSeedType("trend_plus", out var seed));
        var bars = Plugins.TestSeries.Hourly(4); // closes 100, 101, 102, 103: above the SMA(2) from bar 1
        var targets = new double[4];
        seed.CreateGenerator(bars, [2], 1).Fill(0, 4, targets);
        Assert.Equal([0, 1, 1, 1], targets);
    }

    [Fact]
    public async Task Scaffold_RiskKind_BuildsLoadsAndMakesAGenome()
    {
        using var dir = new TempDir();
        var bin = await ScaffoldAndBuildAsync(dir.Path, "SafeRisk", "risk");
        await AssertListedAsync(bin, "SafeRisk", "risk:safe_risk");

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(bin));
        Assert.True(catalog.TryGetComponent(PluginContracts.Risk, "safe_risk", out var component));
        var definition = (IRiskGenomeDefinition)component.Instance;
        Assert.Equal(RiskGenes.All.Order(StringComparer.Ordinal), definition.Genes.Select(g => g.Name).Order(StringComparer.Ordinal));
        var defaults = definition.Genes.Select(g => g.Default).ToArray();
        Assert.Empty(definition.Validate(defaults));
        var genome = RiskGenome.Defaults(definition);
        Assert.Equal(0.08, genome.MaxPositionSizePct);
        Assert.Equal(0.15, genome.TotalDrawdownLimitPct);

        var daily = definition.Genes.Select(g => g.Name).ToList().IndexOf(RiskGenes.DailyDrawdownLimitPct);
        defaults[daily] = 0.5; // above the total limit
        Assert.Contains("daily_drawdown_limit_pct must not exceed total_drawdown_limit_pct", definition.Validate(defaults));
    }

    [Fact]
    public async Task Scaffold_ExchangeKind_BuildsLoadsAndTradesThroughTheOrderManager()
    {
        using var dir = new TempDir();
        var bin = await ScaffoldAndBuildAsync(dir.Path, "MemVenue", "exchange");
        await AssertListedAsync(bin, "MemVenue", "exchange:mem_venue");

        using var catalog = PluginCatalog.Load(PluginSearchPaths.Of(bin));
        Assert.True(catalog.TryGetComponent(PluginContracts.Exchange, "mem_venue", out var component));
        var venue = (IExchangeAdapter)component.Instance;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = cts.Token;

        // The engine's order manager over the plugin: a market buy fills at the last price (50,000, taker 4.5 bps).
        var manager = new OrderManager(venue, new MemoryOrderJournal(), new OrderManagerOptions(), TimeProvider.System);
        await manager.StartAsync(ct);
        using var loopCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var loop = manager.RunEventLoopAsync(loopCts.Token);
        var submitted = await manager.SubmitAsync(new OrderRequest("BTC", OrderSide.Buy, OrderType.Market, 0.01m, 50_000m, DateTimeOffset.UnixEpoch), ct);
        Assert.True(submitted.IsAccepted, submitted.Reason);
        while (manager.Find(submitted.ClientOrderId)!.State != OrderState.Filled)
        {
            await Task.Delay(20, ct);
        }

        Assert.Equal(0.01m, manager.Positions.QuantityOf("BTC"));
        Assert.Empty(await manager.CheckPositionsAsync(forceSync: false, ct));
        var offLot = await venue.PlaceOrderAsync(new SubmitOrder("ext-0", "BTC", OrderSide.Buy, OrderType.Market, 0.00015m), ct);
        var unknown = await venue.PlaceOrderAsync(new SubmitOrder("ext-00", "DOGE", OrderSide.Buy, OrderType.Market, 1m), ct);
        var duplicate = await venue.PlaceOrderAsync(new SubmitOrder(submitted.ClientOrderId, "BTC", OrderSide.Buy, OrderType.Market, 0.01m), ct);
        Assert.False(offLot.Accepted);
        Assert.Contains("multiple of 0.0001", offLot.RejectReason, StringComparison.Ordinal);
        Assert.Contains("unknown symbol 'DOGE'", unknown.RejectReason, StringComparison.Ordinal);
        Assert.Contains("duplicate client order id", duplicate.RejectReason, StringComparison.Ordinal);

        // A resting sell limit fills as maker when a market trade prints through it.
        var ack = await venue.PlaceOrderAsync(new SubmitOrder("ext-1", "BTC", OrderSide.Sell, OrderType.Limit, 0.01m, LimitPrice: 50_100m), ct);
        Assert.True(ack.Accepted, ack.RejectReason);
        Assert.Single(await venue.GetOpenOrdersAsync("BTC", ct));
        venue.GetType().GetMethod("PublishTrade")!.Invoke(venue, ["BTC", 50_100m, 0.5m, OrderSide.Buy]);
        Assert.Empty(await venue.GetOpenOrdersAsync("BTC", ct));
        Assert.Empty(await venue.GetPositionsAsync(ct));
        var usd = Assert.Single(await venue.GetBalancesAsync(ct));
        Assert.Equal(100_000m - 0.225m + 1.0m - 0.07515m, usd.Total); // fees 0.225 + 0.07515, PnL +1.00
        var fills = await venue.GetFillsAsync(DateTimeOffset.UnixEpoch, ct);
        Assert.Equal([Liquidity.Taker, Liquidity.Maker], fills.Select(f => f.Liquidity));
        var candle = Assert.Single(await venue.GetCandlesAsync("BTC", Sdk.Data.BarInterval.Parse("1h"), DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, ct));
        Assert.Equal(50_100m, candle.Close);

        await loopCts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
    }

    private async Task<string> ScaffoldAndBuildAsync(string root, string name, string kind)
    {
        var folder = PluginsNewCommand.Scaffold(name, kind, Path.Combine(root, name));
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var a in new[] { "build", folder, "-c", "Release", "-nodeReuse:false" })
        {
            psi.ArgumentList.Add(a);
        }

        // The test host's MSBuild settings must not leak into the child build.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            psi.Environment.Remove(key);
        }

        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(cts.Token);
        var log = await stdout + await stderr;
        output.WriteLine($"dotnet build {kind} template: exit {p.ExitCode} in {clock.ElapsedMilliseconds} ms");
        Assert.True(p.ExitCode == 0, log);
        Assert.DoesNotMatch(@": warning [A-Z]+\d+", log);
        Assert.Contains(" 0 Warning(s)", log, StringComparison.Ordinal);
        var bin = Path.Combine(folder, "bin", "Release", "net10.0");
        Assert.True(File.Exists(Path.Combine(bin, name + ".dll")));
        Assert.True(File.Exists(Path.Combine(bin, "plugin.json")));
        Assert.False(File.Exists(Path.Combine(bin, "ResearchPlatform.Sdk.dll")), "the Sdk must not be copied into the plugin folder");
        return bin;
    }

    private static async Task AssertListedAsync(string bin, string id, string provides)
    {
        var result = await RpProcess.RunAsync("plugins", "list", "--json", "--plugins", bin);
        Assert.True(result.ExitCode == 0, result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        var plugin = doc.RootElement.GetProperty("plugins").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
        Assert.Equal("loaded", plugin.GetProperty("status").GetString());
        Assert.Equal([provides], plugin.GetProperty("found").EnumerateArray().Select(f => f.GetString()));
        Assert.Empty(plugin.GetProperty("warnings").EnumerateArray());
    }
}
