using ResearchPlatform.Engine.Evolution.Statistics;

namespace ResearchPlatform.Engine.Tests.Evolution.Statistics;

public sealed class NormalDistributionTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.96, 0.9750021048517795)]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(0.5, 0.6914624612740131)]
    [InlineData(-3.0, 0.0013498980316301035)]
    [InlineData(-6.0, 9.865876450377e-10)]
    public void Cdf_KnownValues_MatchToDoublePrecision(double x, double expected)
    {
        Assert.Equal(expected, NormalDistribution.Cdf(x), 1e-14);
    }

    [Theory]
    [InlineData(1e-12)]
    [InlineData(0.001)]
    [InlineData(0.02)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    [InlineData(0.999999)]
    public void InverseCdf_RoundTrip_RecoversProbability(double p)
    {
        var x = NormalDistribution.InverseCdf(p);

        Assert.Equal(p, NormalDistribution.Cdf(x), p * 1e-9);
    }

    [Fact]
    public void InverseCdf_TableQuantiles_Match()
    {
        Assert.Equal(2.3263478740408408, NormalDistribution.InverseCdf(0.99), 12);
        Assert.Equal(-1.6448536269514722, NormalDistribution.InverseCdf(0.05), 12);
        Assert.Equal(double.NegativeInfinity, NormalDistribution.InverseCdf(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.InverseCdf(1.5));
    }
}
