using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Tests.Decisions;

public sealed class DefaultRulesTests : IDisposable
{
    private readonly RulesFolder _folder = new();
    private readonly RuleSet _rules;
    private readonly DecisionEngine _engine;

    public DefaultRulesTests()
    {
        _rules = new RuleSet(_folder.Path);
        var events = _rules.LoadAll();
        Assert.All(events, e => Assert.True(e.Succeeded, string.Join("\n", e.Errors)));
        _engine = new DecisionEngine(_rules, new DecisionEngineOptions { Budget = TimeSpan.FromSeconds(5) });
    }

    public void Dispose()
    {
        _rules.Dispose();
        _folder.Dispose();
    }

    private static StrategySnapshot Live(string id, double sharpe, double dd = 0.05, int negDays = 0) =>
        new(id, StrategyStage.Live, Live: new StrategyPerformance(sharpe, 0.1, dd, 30, negDays));

    [Fact]
    public void PoolSizing_GoodLiveSharpe_GrowsBaseByPerformanceAdjustment()
    {
        var ctx = new DecisionContext { Capital = 12_000, Strategies = [Live("a", 1.5), Live("b", 1.6), Live("c", 1.4)] };
        var r = _engine.Decide(DecisionType.StrategyPoolSizing, ctx).Result;
        Assert.Null(r.Error);
        Assert.Equal(14, Assert.IsType<PoolSizeValue>(r.Value).PoolSize); // floor(12 * 1.0 * 1.2)
        Assert.Equal(0.95, r.Confidence);
        Assert.Equal(1.0, r.ThresholdsUsed["base_strategies_per_1k_capital"]);
        Assert.Equal(0.2, r.ThresholdsUsed["performance_adjustment"]);
        Assert.Equal(12_000, r.Inputs["capital"]);
        Assert.Equal("strategy_pool_sizing.csx", r.RuleFile);
        Assert.Equal(16, r.RuleHash.Length);
    }

    [Fact]
    public void PoolSizing_NegativeSharpe_ShrinksAndFewStrategiesLowerConfidence()
    {
        var ctx = new DecisionContext { Capital = 10_000, Strategies = [Live("a", -0.5)] };
        var rec = _engine.Decide(DecisionType.StrategyPoolSizing, ctx);
        Assert.Equal(8, Assert.IsType<PoolSizeValue>(rec.Result.Value).PoolSize); // floor(10 * 0.8)
        Assert.Equal(DecisionRouting.ExecutedFlagged, rec.Routing);
        Assert.True(rec.Result.RequiresHumanReview);
    }

    [Fact]
    public void Retirement_NegativeSharpeDaysOrDrawdown_RetiresOnlyBreaches()
    {
        var ctx = new DecisionContext
        {
            Strategies = [Live("neg7", 0.5, negDays: 7), Live("neg6", 0.5, negDays: 6), Live("dd", 1.0, dd: 0.16), Live("ok", 1.0, dd: 0.15)],
        };
        var r = _engine.Decide(DecisionType.StrategyRetirement, ctx).Result;
        Assert.Equal(["neg7", "dd"], Assert.IsType<RetirementValue>(r.Value).Retire);
        Assert.Equal(Urgency.High, r.Urgency);
    }

    [Fact]
    public void Approval_BacktestSharpeAndPaperDays_ApprovesAtThresholds()
    {
        StrategySnapshot Cand(string id, double bt, int days) =>
            new(id, StrategyStage.Paper, Backtest: new(bt, 0.3, 0.1, 365), Paper: new(1.0, 0.02, 0.03, days));
        var ctx = new DecisionContext { Strategies = [Cand("edge", 1.5, 14), Cand("lowsharpe", 1.49, 30), Cand("young", 2.0, 13)] };
        var v = Assert.IsType<ApprovalValue>(_engine.Decide(DecisionType.NewStrategyApproval, ctx).Result.Value);
        Assert.Equal(["edge"], v.Approved);
        Assert.Equal(["lowsharpe", "young"], v.Rejected);
    }

    [Fact]
    public void Approval_PaperTradesReported_RejectsFewerThanMinPaperTrades()
    {
        StrategySnapshot Cand(string id, int? trades) =>
            new(id, StrategyStage.Paper, Backtest: new(2.5, 0.3, 0.1, 365), Paper: new(0, 0, 0, 60, Trades: trades));
        var ctx = new DecisionContext { Strategies = [Cand("flat", 0), Cand("two", 2), Cand("three", 3), Cand("unknown", null)] };
        var r = _engine.Decide(DecisionType.NewStrategyApproval, ctx).Result;
        var v = Assert.IsType<ApprovalValue>(r.Value);
        Assert.Equal(["three", "unknown"], v.Approved);
        Assert.Equal(["flat", "two"], v.Rejected);
        Assert.Contains("flat: 0 paper trades (min 3) in 60 paper days", r.Reasoning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.051, 0.0, true)]
    [InlineData(-0.05, -0.05, false)]
    [InlineData(-0.01, -0.101, true)]
    public void EmergencyShutdown_LossThresholds_ShutsDownOnlyBeyond(double daily, double weekly, bool expected)
    {
        var ctx = new DecisionContext { Risk = new RiskSnapshot(daily, weekly) };
        var r = _engine.Decide(DecisionType.EmergencyShutdown, ctx).Result;
        Assert.Equal(expected, Assert.IsType<ShutdownValue>(r.Value).Shutdown);
        Assert.Equal(expected ? Urgency.Critical : Urgency.High, r.Urgency); // -5 % daily is above 80 % of the limit
    }

    [Theory]
    [InlineData(0.81, 0.5)]
    [InlineData(0.8, 1.0)]
    public void RiskAdjustment_Volatility_AppliesPositionSizeAdjustment(double vol, double multiplier)
    {
        var r = _engine.Decide(DecisionType.RiskAdjustment, new DecisionContext { Risk = new RiskSnapshot(Volatility: vol) }).Result;
        Assert.Equal(multiplier, Assert.IsType<RiskAdjustmentValue>(r.Value).PositionSizeMultiplier);
    }

    [Fact]
    public void SessionOptimization_CrisisRegime_LiquidSessionsReducedSize()
    {
        var crisis = Assert.IsType<SessionSettingsValue>(_engine.Decide(DecisionType.TradingSessionOptimization, new DecisionContext { Regime = "crisis" }).Result.Value);
        Assert.Equal(["europe", "us"], crisis.Sessions);
        Assert.Equal(0.5, crisis.PositionScale);
        var bull = Assert.IsType<SessionSettingsValue>(_engine.Decide(DecisionType.TradingSessionOptimization, new DecisionContext { Regime = "bull", Risk = new(Volatility: 0.3) }).Result.Value);
        Assert.Equal(3, bull.Sessions.Count);
        Assert.Equal(1.0, bull.PositionScale);
    }

    [Fact]
    public void Decide_IdenticalContext_AnsweredFromCache()
    {
        var ctx = new DecisionContext { Risk = new RiskSnapshot(Volatility: 0.9) };
        var first = _engine.Decide(DecisionType.RiskAdjustment, ctx);
        var second = _engine.Decide(DecisionType.RiskAdjustment, ctx with { });
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Result.Value, second.Result.Value);
        Assert.NotEqual(first.Id, second.Id);
    }
}
