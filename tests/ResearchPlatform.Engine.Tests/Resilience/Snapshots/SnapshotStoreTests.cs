using ResearchPlatform.Engine.Resilience.Snapshots;

namespace ResearchPlatform.Engine.Tests.Resilience.Snapshots;

public sealed class SnapshotStoreTests
{
    [Fact]
    public void Write_ThenTryRead_RoundTripsEveryField()
    {
        using var dir = new TempDir();
        var store = new SnapshotStore(Path.Combine(dir.Path, "serve", "state.json"));
        var snapshot = Sample(bar: 41);
        store.Write(snapshot);
        var read = store.TryRead()!;
        Assert.Equal(SnapshotStore.ToJson(snapshot), SnapshotStore.ToJson(read));
        Assert.Equal(41, read.Bar);
        var s = Assert.Single(read.Strategies);
        Assert.Equal(0.25m, s.Position);
        Assert.Equal("S1-00000007", Assert.Single(s.OpenOrders).ClientOrderId);
        Assert.True(s.Reconciliation!.Agrees);
        Assert.Contains("\"open_orders\"", File.ReadAllText(store.Path), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LeftoverTempFileFromACrash_IsReplacedAndNeverRead()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "state.json");
        var store = new SnapshotStore(path);
        store.Write(Sample(bar: 10));
        File.WriteAllText(path + ".tmp", "{\"version\": 1, \"bar\": 99, \"torn"); // a crash mid-write of the next snapshot
        Assert.Equal(10, store.TryRead()!.Bar);
        store.Write(Sample(bar: 12));
        Assert.Equal(12, store.TryRead()!.Bar);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void TryRead_NoFile_Null()
    {
        using var dir = new TempDir();
        Assert.Null(new SnapshotStore(dir.File("none.json")).TryRead());
    }

    [Fact]
    public void TryRead_CorruptOrOtherVersion_ThrowsNamingTheFile()
    {
        using var dir = new TempDir();
        var corrupt = dir.Write("corrupt.json", "{\"version\": 1, \"bar\": ");
        var ex = Assert.Throws<SnapshotException>(() => new SnapshotStore(corrupt).TryRead());
        Assert.Contains(corrupt, ex.Message, StringComparison.Ordinal);
        var future = new SnapshotStore(dir.File("future.json"));
        future.Write(Sample(bar: 1) with { Version = 2 });
        var v = Assert.Throws<SnapshotException>(() => future.TryRead());
        Assert.Contains("version 2", v.Message, StringComparison.Ordinal);
    }

    private static StateSnapshot Sample(int bar) => new()
    {
        TakenAt = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
        Reason = "interval",
        Session = "20261124-100000",
        Symbol = "BTC/USD",
        Interval = "1h",
        BarCount = 400,
        FirstBar = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Bar = bar,
        Equity = 40_123.5,
        Peak = 40_500,
        MaxDrawdownPct = 1.25,
        RiskLevel = "moderate",
        Strategies =
        [
            new StrategyState("momentum-default", "momentum", [24, 0.5], true, bar, "20261124-100000-momentum-default.jsonl", 31, 0.25m, 12.5m, 10_012.5,
                [new OpenOrderState("S1-00000007", "buy", "open", 0.25m, 0m)], new ReconciliationState(bar, 7, 0.25m, 0.25m, 1, [])),
        ],
    };
}
