using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Tests.Risk;

public sealed class RiskLevelPolicyTests
{
    [Fact]
    public void Derive_NoActiveBreakers_IsLow() => Assert.Equal(RiskLevel.Low, RiskLevelPolicy.Derive([]));

    [Fact]
    public void Derive_TwoBreakers_IsMostSevere() =>
        Assert.Equal(RiskLevel.High, RiskLevelPolicy.Derive([RiskLevel.Moderate, RiskLevel.High]));

    [Fact]
    public void Derive_ThreeBreakers_EscalatesOneStep() =>
        Assert.Equal(RiskLevel.High, RiskLevelPolicy.Derive([RiskLevel.Moderate, RiskLevel.Moderate, RiskLevel.Moderate]));

    [Fact]
    public void Derive_ThreeBreakersWithEmergency_StaysEmergency() =>
        Assert.Equal(RiskLevel.Emergency, RiskLevelPolicy.Derive([RiskLevel.Emergency, RiskLevel.Moderate, RiskLevel.High]));

    [Theory]
    [InlineData(RiskLevel.Low, 1.0)]
    [InlineData(RiskLevel.Moderate, 0.5)]
    [InlineData(RiskLevel.High, 0.25)]
    [InlineData(RiskLevel.Critical, 0.0)]
    [InlineData(RiskLevel.Emergency, 0.0)]
    public void SizeMultiplier_EachLevel_HasDefinedValue(RiskLevel level, double expected) =>
        Assert.Equal(expected, RiskLevelPolicy.SizeMultiplier(level));

    [Fact]
    public void Actions_EachLevel_MatchTheIssue()
    {
        Assert.Empty(RiskLevelPolicy.Actions(RiskLevel.Low));
        Assert.Equal([RiskAction.ScaleDownSizes], RiskLevelPolicy.Actions(RiskLevel.Moderate));
        Assert.Equal([RiskAction.ScaleDownSizes, RiskAction.RequireApproval], RiskLevelPolicy.Actions(RiskLevel.High));
        Assert.Equal([RiskAction.ReduceOnly], RiskLevelPolicy.Actions(RiskLevel.Critical));
        Assert.Equal([RiskAction.ReduceOnly, RiskAction.CancelOpenOrders, RiskAction.FlattenPositions], RiskLevelPolicy.Actions(RiskLevel.Emergency));
    }
}
