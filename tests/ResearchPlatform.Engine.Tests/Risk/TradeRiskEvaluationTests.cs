using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Risk.Breakers;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Tests.Risk;

public sealed class TradeRiskEvaluationTests
{
    private static TradeRiskContext Ctx(bool approval = false, params PositionSnapshot[] positions) =>
        new(RiskHarness.Portfolio(100_000, positions), approval);

    private static RiskHarness AtLevel(RiskLevel level)
    {
        var h = new RiskHarness();
        h.Bar(100_000);
        switch (level)
        {
            case RiskLevel.Moderate:
                h.Bar(100_000, RiskHarness.Market(0.95));
                break;
            case RiskLevel.High:
                h.Bar(100_000, null, null, new PositionSnapshot("ETH", 10, 3_000)); // concentration 30%
                break;
            case RiskLevel.Critical:
                h.Bar(94_000);
                break;
            case RiskLevel.Emergency:
                h.Time.Advance(TimeSpan.FromDays(1));
                h.Bar(79_000);
                break;
        }

        Assert.Equal(level, h.Manager.Level);
        return h;
    }

    [Fact]
    public void EvaluateTradeRisk_LowWithinCaps_Approves()
    {
        var v = AtLevel(RiskLevel.Low).Manager.EvaluateTradeRisk(new OrderIntent("BTC", 80, 100), Ctx());
        Assert.Equal((RiskDecision.Approve, 80.0), (v.Decision, v.ApprovedQuantity));
        Assert.Equal(0.08, v.Checks.Single(c => c.Name == "max_position_size_pct").Value, 12);
    }

    [Fact]
    public void EvaluateTradeRisk_LowAbovePositionCap_ResizesToTenPercentOfEquity()
    {
        var v = AtLevel(RiskLevel.Low).Manager.EvaluateTradeRisk(new OrderIntent("BTC", 150, 100), Ctx());
        Assert.Equal((RiskDecision.Resize, 150.0, 100.0), (v.Decision, v.RequestedQuantity, v.ApprovedQuantity));
        var cap = v.Checks.Single(c => c.Name == "max_position_size_pct");
        Assert.Equal((0.15, 0.10, false), (cap.Value, cap.Limit, cap.Passed));
    }

    [Fact]
    public void EvaluateTradeRisk_Moderate_HalvesThePositionCap()
    {
        var v = AtLevel(RiskLevel.Moderate).Manager.EvaluateTradeRisk(new OrderIntent("BTC", 100, 100), Ctx());
        Assert.Equal((RiskDecision.Resize, 50.0, RiskLevel.Moderate), (v.Decision, v.ApprovedQuantity, v.Level));
    }

    [Fact]
    public void EvaluateTradeRisk_HighWithoutApproval_Rejects()
    {
        var v = AtLevel(RiskLevel.High).Manager.EvaluateTradeRisk(new OrderIntent("BTC", 10, 100), Ctx());
        Assert.Equal(RiskDecision.Reject, v.Decision);
        Assert.Contains("approval", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateTradeRisk_HighWithApproval_ResizesToAQuarterCap()
    {
        var v = AtLevel(RiskLevel.High).Manager.EvaluateTradeRisk(new OrderIntent("BTC", 100, 100), Ctx(approval: true));
        Assert.Equal((RiskDecision.Resize, 25.0), (v.Decision, v.ApprovedQuantity));
    }

    [Fact]
    public void EvaluateTradeRisk_CriticalIncrease_RejectsButReductionApproved()
    {
        var m = AtLevel(RiskLevel.Critical).Manager;
        var btc = new PositionSnapshot("BTC", 50, 100);
        var up = m.EvaluateTradeRisk(new OrderIntent("BTC", 10, 100), Ctx(false, btc));
        var down = m.EvaluateTradeRisk(new OrderIntent("BTC", -20, 100), Ctx(false, btc));
        Assert.Equal(RiskDecision.Reject, up.Decision);
        Assert.Contains("CRITICAL", up.Reason, StringComparison.Ordinal);
        Assert.Equal((RiskDecision.Approve, -20.0), (down.Decision, down.ApprovedQuantity));
    }

    [Fact]
    public void EvaluateTradeRisk_EmergencyNewPosition_RejectsAndFlattenApproved()
    {
        var h = AtLevel(RiskLevel.Emergency);
        var eth = new PositionSnapshot("ETH", -3, 2_000);
        var open = h.Manager.EvaluateTradeRisk(new OrderIntent("BTC", 1, 100), Ctx(true, eth));
        var flatten = h.Manager.EvaluateTradeRisk(new OrderIntent("ETH", 3, 2_000), Ctx(false, eth));
        Assert.Equal(RiskDecision.Reject, open.Decision);
        Assert.Contains("halted", open.Reason, StringComparison.Ordinal);
        Assert.Equal(RiskDecision.Approve, flatten.Decision);
        var change = h.Manager.LevelChanges[^1];
        Assert.Contains(RiskAction.FlattenPositions, change.Actions);
        Assert.Contains(RiskAction.CancelOpenOrders, change.Actions);
        var total = Assert.Single(change.ActiveBreakers, b => b.Name == CircuitBreakerRules.TotalDrawdown);
        Assert.Equal((0.21, 0.20, RiskLevel.Emergency), (Math.Round(total.Value, 12), total.Trigger, total.Severity));
        Assert.Contains(change.ActiveBreakers, b => b.Name == CircuitBreakerRules.DailyDrawdown);
    }

    [Fact]
    public void EvaluateTradeRisk_ExposureCap_ResizesToRemainingRoom()
    {
        var others = Enumerable.Range(0, 19).Select(i => new PositionSnapshot("A" + i, 50, 100)).ToArray(); // 95k
        var v = AtLevel(RiskLevel.Low).Manager.EvaluateTradeRisk(new OrderIntent("BTC", 100, 100), Ctx(false, others));
        Assert.Equal((RiskDecision.Resize, 50.0), (v.Decision, v.ApprovedQuantity));
        Assert.Equal(1.05, v.Checks.Single(c => c.Name == "max_total_exposure_pct").Value, 12);
    }

    [Fact]
    public void EvaluateTradeRisk_PositionAlreadyAboveCap_RejectsIncrease()
    {
        var v = AtLevel(RiskLevel.Low).Manager.EvaluateTradeRisk(new OrderIntent("BTC", 10, 100), Ctx(false, new PositionSnapshot("BTC", 120, 100)));
        Assert.Equal(RiskDecision.Reject, v.Decision);
        Assert.StartsWith("at limit", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateTradeRisk_FlipPastCap_ResizesTheNewSideToTheCap()
    {
        var v = AtLevel(RiskLevel.Low).Manager.EvaluateTradeRisk(new OrderIntent("BTC", -200, 100), Ctx(false, new PositionSnapshot("BTC", 50, 100)));
        Assert.Equal((RiskDecision.Resize, -150.0), (v.Decision, v.ApprovedQuantity)); // 50 long -> 100 short
    }

    [Fact]
    public void EvaluateTradeRisk_TradeRateReached_RejectsNewButApprovesReducing()
    {
        var h = AtLevel(RiskLevel.Low);
        for (var i = 0; i < 20; i++)
        {
            h.Manager.OnFill();
        }

        var btc = new PositionSnapshot("BTC", 50, 100);
        var open = h.Manager.EvaluateTradeRisk(new OrderIntent("BTC", 1, 100), Ctx(false, btc));
        Assert.Equal(RiskDecision.Reject, open.Decision);
        Assert.Equal((20.0, 20.0, false), (open.Checks[0].Value, open.Checks[0].Limit, open.Checks[0].Passed));
        Assert.Equal(RiskDecision.Approve, h.Manager.EvaluateTradeRisk(new OrderIntent("BTC", -50, 100), Ctx(false, btc)).Decision);
    }

    [Theory]
    [InlineData(double.NaN, 100)]
    [InlineData(0, 100)]
    [InlineData(10, 0)]
    [InlineData(10, double.PositiveInfinity)]
    public void EvaluateTradeRisk_InvalidOrder_RejectsWithReason(double quantity, double price)
    {
        var v = AtLevel(RiskLevel.Low).Manager.EvaluateTradeRisk(new OrderIntent("BTC", quantity, price), Ctx());
        Assert.Equal((RiskDecision.Reject, 0.0), (v.Decision, v.ApprovedQuantity));
        Assert.StartsWith("order needs a finite non-zero quantity", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateTradeRisk_NonPositiveEquity_RejectsIncreaseApprovesReduction()
    {
        var m = AtLevel(RiskLevel.Low).Manager;
        var ctx = new TradeRiskContext(RiskHarness.Portfolio(-500, new PositionSnapshot("BTC", 10, 100)));
        Assert.Equal(RiskDecision.Reject, m.EvaluateTradeRisk(new OrderIntent("BTC", 1, 100), ctx).Decision);
        Assert.Equal(RiskDecision.Approve, m.EvaluateTradeRisk(new OrderIntent("BTC", -10, 100), ctx).Decision);
    }

    [Fact]
    public void OnBar_DrawdownBreaker_StopsNewTradesInABarLoop()
    {
        // A bar loop that buys 1 unit each bar while equity falls 1% per bar: the daily breaker stops it at -5%.
        var h = new RiskHarness();
        var equity = 100_000.0;
        var approved = 0;
        for (var bar = 0; bar < 10; bar++)
        {
            h.Bar(equity);
            if (h.Manager.EvaluateTradeRisk(new OrderIntent("BTC", 1, 100), Ctx()).Decision == RiskDecision.Approve)
            {
                approved++;
            }

            equity *= 0.99;
            h.Time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(6, approved); // bars 0..5 approved (0.99^5 = 4.9% down), bar 6 (5.85% down) trips the breaker
        Assert.Equal(RiskLevel.Critical, h.Manager.Level);
    }
}
