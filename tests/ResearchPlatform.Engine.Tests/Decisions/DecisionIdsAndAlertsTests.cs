using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Tests.Decisions;

/// <summary>Decision ids across processes, DECISION alerts for queued decisions, recent decisions from the store.</summary>
public sealed class DecisionIdsAndAlertsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, 8, TimeSpan.Zero);
    private readonly RulesFolder _folder = new();
    private readonly RuleSet _rules;

    public DecisionIdsAndAlertsTests()
    {
        _rules = new RuleSet(_folder.Path);
        _rules.LoadAll();
    }

    public void Dispose()
    {
        _rules.Dispose();
        _folder.Dispose();
    }

    private static DecisionContext HighVol => new() { Risk = new RiskSnapshot(Volatility: 0.9) };

    [Fact]
    public void Decide_TwoEnginesInTheSameMillisecond_DistinctTimeOrderedIdsAllStored()
    {
        // two engines = two processes: each starts with its own state; the old per-process counter gave both "d<ms>-1"
        var clock = new FixedTimeProvider(Now);
        var a = new DecisionEngine(_rules, new DecisionEngineOptions { CacheDecisions = false }, clock);
        var b = new DecisionEngine(_rules, new DecisionEngineOptions { CacheDecisions = false }, clock);
        var records = Enumerable.Range(0, 50).SelectMany(_ => new[] { a.Decide(DecisionType.RiskAdjustment, HighVol), b.Decide(DecisionType.RiskAdjustment, HighVol) }).ToList();

        Assert.Equal(records.Count, records.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(records, r => Assert.Matches("^d" + Now.ToUnixTimeMilliseconds() + "-[0-9a-f]{12}$", r.Id));
        Assert.True(string.CompareOrdinal(DecisionEngine.NewId(Now), DecisionEngine.NewId(Now.AddMilliseconds(1))) < 0);
        using var db = ResearchDatabase.OpenInMemory();
        var store = new DecisionStore(db);
        foreach (var r in records)
        {
            store.Save(r);
        }

        Assert.Equal(records.Count, store.List(limit: 1000).Count);
    }

    [Fact]
    public void Decide_QueuedForHuman_PublishesDecisionAlertCarryingId()
    {
        var file = _folder.File("risk_adjustment.csx");
        File.WriteAllText(file, "if (Context.Capital >= 0) throw new InvalidOperationException(\"boom\");\nreturn Decide.RiskMultiplier(1, 1, \"\", Urgency.Low);\n");
        Assert.True(_rules.ReloadFile(file).Succeeded);
        var alerts = new RecordingAlertPublisher();
        var engine = new DecisionEngine(_rules, new DecisionEngineOptions { CacheDecisions = false }, new FixedTimeProvider(Now)) { Alerts = alerts };

        var queued = engine.Decide(DecisionType.RiskAdjustment, HighVol);
        var executed = engine.Decide(DecisionType.TradingSessionOptimization, new DecisionContext());

        Assert.Equal(DecisionRouting.QueuedForHuman, queued.Routing);
        var alert = Assert.Single(alerts.Alerts);
        Assert.Equal(AlertCategory.Decision, alert.Category);
        Assert.Equal(queued.Id, alert.Context["decision_id"]);
        Assert.Equal("decision:" + queued.Id, alert.Key);
        Assert.Equal("RISK_ADJUSTMENT", alert.Context["decision_type"]);
        Assert.Contains("boom", alert.Context["error"], StringComparison.Ordinal);
        Assert.Contains("rp decisions approve " + queued.Id, alert.Body, StringComparison.Ordinal);
        Assert.NotEqual(DecisionRouting.QueuedForHuman, executed.Routing);
    }

    [Fact]
    public void Recent_NewestFirstUpToAsOfWithoutRejected()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var store = new DecisionStore(db);
        DecisionRecord Rec(string id, int minutes, DecisionRouting routing, double confidence) => new(
            id, Now.AddMinutes(minutes),
            new DecisionResult(DecisionType.StrategyPoolSizing, new PoolSizeValue(minutes), confidence, "r", Urgency.Low) { RuleFile = "f", RuleHash = "h" },
            routing, false);
        store.Save(Rec("a", 0, DecisionRouting.AutoExecuted, 0.95));
        store.Save(Rec("b", 10, DecisionRouting.QueuedForHuman, 0.5));
        store.Save(Rec("c", 20, DecisionRouting.ExecutedFlagged, 0.8));
        store.Save(Rec("d", 90, DecisionRouting.AutoExecuted, 0.99));
        Assert.Null(store.SetVerdict("b", approve: false));

        var recent = store.Recent(Now.AddMinutes(30));

        Assert.Equal([Now.AddMinutes(20), Now], recent.Select(r => r.At));
        Assert.Equal([0.8, 0.95], recent.Select(r => r.Confidence));
        Assert.All(recent, r => Assert.Equal(DecisionType.StrategyPoolSizing, r.Type));
        Assert.Equal(new PoolSizeValue(20).Summary(), recent[0].Summary);
    }
}
