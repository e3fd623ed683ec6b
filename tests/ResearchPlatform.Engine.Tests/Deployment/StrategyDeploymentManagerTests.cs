using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Tests.Deployment;

public sealed class StrategyDeploymentManagerTests : IDisposable
{
    private readonly ResearchDatabase _db = ResearchDatabase.OpenInMemory();
    private readonly ManualTimeProvider _time = new();
    private readonly DeploymentStore _store;
    private readonly StrategyDeploymentManager _manager;

    public StrategyDeploymentManagerTests()
    {
        _store = new DeploymentStore(_db);
        _manager = new StrategyDeploymentManager(_store, new DeploymentPolicy { MinBacktestSharpe = 1.0, MinPaperDays = 14, DefaultPoolSize = 2 }, _time);
    }

    public void Dispose() => _db.Dispose();

    private static DecisionResult Decision(DecisionValue value) =>
        new(DecisionType.NewStrategyApproval, value, 0.9, "rule said so", Urgency.Low);

    private string PaperStrategy(string genes, double paperSharpe, int paperDays)
    {
        var s = _manager.AddCandidate("momentum", "1.0.0", genes, "run:R1#1");
        _manager.RecordBacktest(s.Id, new StrategyPerformance(1.8, 0.4, 0.1, 365));
        _manager.StartPaper(s.Id);
        _manager.RecordPaper(s.Id, new StrategyPerformance(paperSharpe, 0.05, 0.03, paperDays));
        return s.Id;
    }

    [Fact]
    public void AddCandidate_SameSeedAndGenes_IsAddedOnceWithAStableId()
    {
        var a = _manager.AddCandidate("momentum", "1.0.0", """{"fast":10,"slow":50}""", "run:R1#1");
        var b = _manager.AddCandidate("momentum", "1.0.0", """{"fast":10,"slow":50}""", "run:R2#4");
        Assert.Equal(a.Id, b.Id);
        Assert.StartsWith("momentum-", a.Id, StringComparison.Ordinal);
        Assert.Single(_store.List());
        Assert.Equal("run:R1#1", _store.Get(a.Id)!.Source);
    }

    [Fact]
    public void RecordBacktest_BelowMinSharpe_RetiresAndNamesTheFigures()
    {
        var s = _manager.AddCandidate("breakout", "1.0.0", """{"entry":20}""", "manual");
        var t = _manager.RecordBacktest(s.Id, new StrategyPerformance(0.6, 0.1, 0.2, 365));
        Assert.Equal((DeploymentStage.Candidate, DeploymentStage.Retired), (t.From, t.To));
        Assert.Contains("0.60 < min_backtest_sharpe 1.00", t.Reason, StringComparison.Ordinal);
        Assert.Equal(DeploymentStage.Retired, _manager.Get(s.Id).Stage);
    }

    [Fact]
    public void ApplyDecision_Approval_ApprovesOnlyAfterMinPaperDaysAndFillsThePool()
    {
        var ready = PaperStrategy("""{"fast":5}""", 1.2, 20);
        var young = PaperStrategy("""{"fast":6}""", 2.0, 3);

        var outcome = _manager.ApplyDecision("D-1", Decision(new ApprovalValue([ready, young], [])), executed: true);

        Assert.Equal(DeploymentStage.Live, _manager.Get(ready).Stage);
        Assert.Equal(1, _manager.Get(ready).RampStep);
        Assert.Equal(DeploymentStage.Paper, _manager.Get(young).Stage);
        Assert.Contains(outcome.Skipped, m => m.Contains(young, StringComparison.Ordinal) && m.Contains("3 paper days < min_paper_trading_days 14", StringComparison.Ordinal));
        Assert.Equal([DeploymentStage.Approved, DeploymentStage.Live], outcome.Transitions.Select(t => t.To));
        Assert.All(outcome.Transitions, t => Assert.Equal("D-1", t.DecisionId));
    }

    [Fact]
    public void ApplyDecision_NotExecuted_ChangesNothing()
    {
        var id = PaperStrategy("""{"fast":5}""", 1.2, 20);
        var outcome = _manager.ApplyDecision("D-2", Decision(new ApprovalValue([id], [])), executed: false);
        Assert.Empty(outcome.Transitions);
        Assert.Contains("awaits a human verdict", Assert.Single(outcome.Skipped), StringComparison.Ordinal);
        Assert.Equal(DeploymentStage.Paper, _manager.Get(id).Stage);
    }

    [Fact]
    public void ApplyDecision_PoolSizing_ShrinkRollsBackLowestSharpeAndGrowPromotesBestApproved()
    {
        var a = PaperStrategy("""{"fast":1}""", 1.0, 30);
        var b = PaperStrategy("""{"fast":2}""", 3.0, 30);
        var c = PaperStrategy("""{"fast":3}""", 2.0, 30);
        _manager.ApplyDecision("D-3", Decision(new ApprovalValue([a, b, c], [])), executed: true);
        Assert.Equal(new[] { b, c }.Order(), _store.List(DeploymentStage.Live).Select(s => s.Id).Order());
        Assert.Equal(DeploymentStage.Approved, _manager.Get(a).Stage);

        var shrink = _manager.ApplyDecision("D-4", Decision(new PoolSizeValue(1)), executed: true);
        Assert.Equal(1, _manager.TargetPoolSize);
        var rolled = Assert.Single(shrink.Transitions);
        Assert.Equal((c, DeploymentStage.Live, DeploymentStage.Paper, "D-4"), (rolled.StrategyId, rolled.From, rolled.To, rolled.DecisionId));

        var grow = _manager.ApplyDecision("D-5", Decision(new PoolSizeValue(3)), executed: true);
        Assert.Equal([a], grow.Transitions.Select(t => t.StrategyId));
        Assert.Equal(DeploymentStage.Live, _manager.Get(a).Stage);
    }

    [Fact]
    public void Checkpoint_GoodAfterRampDays_RampsUpThenBadRollsBackToPaper()
    {
        var id = PaperStrategy("""{"fast":5}""", 1.5, 20);
        _manager.ApplyDecision("D-6", Decision(new ApprovalValue([id], [])), executed: true);

        var early = _manager.Checkpoint(id, new StrategyPerformance(1.0, 0.01, 0.02, 3));
        Assert.Empty(early.Transitions);
        Assert.Equal(1, _manager.Get(id).RampStep);

        _time.Advance(TimeSpan.FromDays(8));
        var up = Assert.Single(_manager.Checkpoint(id, new StrategyPerformance(1.0, 0.03, 0.02, 11)).Transitions);
        Assert.Equal(2, up.RampStep);
        Assert.Contains("ramp 25% -> 50%", up.Reason, StringComparison.Ordinal);

        var alloc = Assert.Single(_manager.Allocate(100_000, maxTotalExposure: 0.8, maxPerStrategy: 0.3));
        Assert.Equal((0.5, 0.15, 15_000.0), (alloc.RampFraction, alloc.Fraction, alloc.Capital));

        var down = _manager.Checkpoint(id, new StrategyPerformance(0.5, -0.2, 0.25, 12));
        var back = down.Transitions[0];
        Assert.Equal((DeploymentStage.Live, DeploymentStage.Paper, 0), (back.From, back.To, back.RampStep));
        Assert.Contains("drawdown 25.0% (limit 15.0%)", back.Reason, StringComparison.Ordinal);
        Assert.Empty(_manager.Allocate(100_000, 0.8, 0.3));
    }

    [Fact]
    public void Illegal_Requests_ThrowNamingStrategyAndStagesAndWriteNothing()
    {
        var s = _manager.AddCandidate("volatility", "1.0.0", """{"w":3}""", "manual");
        var before = _store.Transitions(s.Id).Count;
        var ex = Assert.Throws<DeploymentException>(() => _manager.StartPaper(s.Id));
        Assert.Equal($"strategy {s.Id} is candidate, expected backtested", ex.Message);
        Assert.Throws<DeploymentException>(() => _manager.Checkpoint(s.Id, new StrategyPerformance(1, 0, 0, 1)));
        Assert.Contains("no strategy with id 'nope'", Assert.Throws<DeploymentException>(() => _manager.Retire("nope", "x")).Message, StringComparison.Ordinal);
        Assert.Equal(before, _store.Transitions(s.Id).Count);

        _manager.Retire(s.Id, "not wanted");
        Assert.Contains("already retired", Assert.Throws<DeploymentException>(() => _manager.Retire(s.Id, "again")).Message, StringComparison.Ordinal);
        Assert.Contains("cannot be promoted", Assert.Throws<DeploymentException>(() => _manager.Promote(s.Id, "why")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transitions_AreStoredInOrderWithActorAndSurviveReopen()
    {
        var path = Path.Combine(Path.GetTempPath(), "rp-deploy-" + Guid.NewGuid().ToString("N") + ".duckdb");
        try
        {
            string id;
            using (var db = ResearchDatabase.Open(path))
            {
                var m = new StrategyDeploymentManager(new DeploymentStore(db), new DeploymentPolicy(), _time);
                id = m.AddCandidate("momentum", "1.0.0", """{"fast":9}""", "run:R9#2").Id;
                m.Promote(id, "manual check");
                m.Promote(id, "start paper");
            }

            using (var db = ResearchDatabase.Open(path))
            {
                var t = new DeploymentStore(db).Transitions(id);
                Assert.Equal(["system", "human", "human"], t.Select(x => x.Actor));
                Assert.Equal([DeploymentStage.Candidate, DeploymentStage.Backtested, DeploymentStage.Paper], t.Select(x => x.To));
                Assert.Equal([1L, 2L, 3L], t.Select(x => x.Sequence));
                Assert.Equal("promoted by a human: start paper", t[2].Reason);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Policy_FromThresholds_TakesTheRuleNamesAndRejectsBadRamps()
    {
        var p = DeploymentPolicy.From(new Thresholds([new("min_paper_trading_days", 21), new("max_drawdown_threshold", 0.1), new("min_backtest_sharpe", 2)]));
        Assert.Equal((21, 0.1, 2.0), (p.MinPaperDays, p.MaxLiveDrawdown, p.MinBacktestSharpe));
        var ex = Assert.Throws<DeploymentException>(() => new StrategyDeploymentManager(_store, p with { RampFractions = [0.5, 0.25] }));
        Assert.Contains("ramp_fractions: steps must increase", ex.Message, StringComparison.Ordinal);
    }
}
