using ResearchPlatform.Engine.Decisions;

namespace ResearchPlatform.Engine.Tests.Decisions;

public sealed class RoutingPolicyTests
{
    [Theory]
    [InlineData(0.95, DecisionRouting.AutoExecuted)]
    [InlineData(0.9, DecisionRouting.ExecutedFlagged)]
    [InlineData(0.7, DecisionRouting.ExecutedFlagged)]
    [InlineData(0.69, DecisionRouting.QueuedForHuman)]
    public void Route_DefaultThresholds_RoutesByConfidence(double confidence, DecisionRouting expected) =>
        Assert.Equal(expected, new RoutingPolicy().Route(confidence));

    [Fact]
    public void Route_CustomThresholds_Used()
    {
        var p = new RoutingPolicy(AutoAbove: 0.5, ReviewAtOrAbove: 0.2);
        Assert.Equal(DecisionRouting.AutoExecuted, p.Route(0.6));
        Assert.Equal(DecisionRouting.ExecutedFlagged, p.Route(0.3));
        Assert.Equal(DecisionRouting.QueuedForHuman, p.Route(0.1));
    }
}
