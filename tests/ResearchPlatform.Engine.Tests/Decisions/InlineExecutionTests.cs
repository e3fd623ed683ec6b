using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Tests.Decisions;

/// <summary>Trusted rules run inline on the caller's thread; the budget still marks a late result.</summary>
public sealed class InlineExecutionTests : IDisposable
{
    private const string SlowWhenRich =
        "while (Context.Capital > 1000 && !Cancellation.IsCancellationRequested) { }\nreturn Decide.RiskMultiplier(0.8, 0.95, \"ok\", Urgency.Low);\n";

    private readonly RulesFolder _folder = new();
    private readonly RuleSet _rules;

    public InlineExecutionTests()
    {
        _rules = new RuleSet(_folder.Path);
        _rules.LoadAll();
        var file = _folder.File("risk_adjustment.csx");
        File.WriteAllText(file, SlowWhenRich);
        Assert.True(_rules.ReloadFile(file).Succeeded);
    }

    public void Dispose()
    {
        _rules.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Decide_AfterTrustAfterWorkerRuns_RunsInlineWithTheSameResult()
    {
        var engine = new DecisionEngine(_rules, new DecisionEngineOptions { CacheDecisions = false, TrustAfter = 3, Budget = TimeSpan.FromSeconds(2) });
        var results = Enumerable.Range(0, 5).Select(_ => engine.Decide(DecisionType.RiskAdjustment, new DecisionContext { Capital = 10 })).ToList();

        Assert.Equal(2, engine.InlineRuns);
        Assert.All(results, r => Assert.Null(r.Result.Error));
        Assert.All(results, r => Assert.Equal(0.8, Assert.IsType<RiskAdjustmentValue>(r.Result.Value).PositionSizeMultiplier));
        Assert.Single(results.Select(r => (r.Result.Confidence, r.Result.RuleHash, r.Routing)).Distinct());
    }

    [Fact]
    public void Decide_InlineRunPastTheBudget_LateFallbackThenBackOnTheWorker()
    {
        // Trust needs runs within half the budget: a throw-away engine takes the first-call (JIT) cost so that, on a loaded
        // machine, the two proving runs below are not slowed by it; the budget is roomy for the same reason.
        new DecisionEngine(_rules, new DecisionEngineOptions { CacheDecisions = false }).Decide(DecisionType.RiskAdjustment, new DecisionContext { Capital = 10 });
        var engine = new DecisionEngine(_rules, new DecisionEngineOptions { CacheDecisions = false, TrustAfter = 2, Budget = TimeSpan.FromSeconds(4) });
        engine.Decide(DecisionType.RiskAdjustment, new DecisionContext { Capital = 10 });
        engine.Decide(DecisionType.RiskAdjustment, new DecisionContext { Capital = 10 });

        var late = engine.Decide(DecisionType.RiskAdjustment, new DecisionContext { Capital = 5000 }); // loops until its token is cancelled
        var after = engine.Decide(DecisionType.RiskAdjustment, new DecisionContext { Capital = 10 });

        Assert.Equal(1, engine.InlineRuns);
        Assert.IsType<NoDecisionValue>(late.Result.Value);
        Assert.Contains("ran inline; late result discarded", late.Result.Error, StringComparison.Ordinal);
        Assert.Equal(DecisionRouting.QueuedForHuman, late.Routing);
        Assert.Null(after.Result.Error);
        Assert.Equal(1, engine.InlineRuns); // trust was withdrawn: the next run went to the worker
    }
}
