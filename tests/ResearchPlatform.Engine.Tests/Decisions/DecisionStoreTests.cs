using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Tests.Decisions;

public sealed class DecisionStoreTests
{
    private static DecisionRecord Rec(string id, double confidence, DecisionRouting routing) =>
        new(id, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            new DecisionResult(DecisionType.StrategyPoolSizing, new PoolSizeValue(7), confidence, "because", Urgency.Medium)
            {
                RuleFile = "strategy_pool_sizing.csx", RuleHash = "0123456789abcdef", RequiresHumanReview = routing != DecisionRouting.AutoExecuted,
                ThresholdsUsed = new Dictionary<string, double> { ["performance_adjustment"] = 0.2 },
            },
            routing, FromCache: false);

    [Fact]
    public void SaveGetVerdict_RoundTripsAndOnlyPendingOrFlaggedTakeVerdicts()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var store = new DecisionStore(db);
        store.Save(Rec("a", 0.95, DecisionRouting.AutoExecuted));
        store.Save(Rec("b", 0.5, DecisionRouting.QueuedForHuman));

        var b = store.Get("b")!;
        Assert.Equal(("strategy_pool_sizing", "pending", 0.5, "MEDIUM", "0123456789abcdef"), (b.Type, b.Status, b.Confidence, b.Urgency, b.RuleHash));
        Assert.Contains("\"pool_size\":7", b.ValueJson, StringComparison.Ordinal);
        Assert.Contains("\"performance_adjustment\":0.2", b.ThresholdsJson, StringComparison.Ordinal);
        Assert.Equal(["b"], store.List(pendingOnly: true).Select(d => d.Id));

        Assert.Null(store.SetVerdict("b", approve: true, "looks right"));
        Assert.Equal(("approved", "looks right"), (store.Get("b")!.Status, store.Get("b")!.VerdictNote));
        Assert.NotNull(store.Get("b")!.VerdictAt);
        Assert.Contains("auto_executed", store.SetVerdict("a", approve: false), StringComparison.Ordinal);
        Assert.Contains("no decision", store.SetVerdict("zzz", approve: false), StringComparison.Ordinal);
        Assert.Equal(2, store.List().Count);
    }
}
