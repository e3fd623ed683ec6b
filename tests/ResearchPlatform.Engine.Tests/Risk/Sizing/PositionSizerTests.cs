using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Engine.Risk.Sizing;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Tests.Risk.Sizing;

public sealed class PositionSizerTests
{
    private static readonly RiskGenome Loose = new() { MaxPositionSizePct = 0.5, ConcentrationLimitPct = 0.5 };

    private static SizingRequest Req(SizingMethod m, RiskLevel level = RiskLevel.Low, MarketRegime regime = MarketRegime.Sideways) =>
        new(m, Price: 50, Equity: 100_000, CurrentExposure: 0, level, regime);

    [Fact]
    public void Size_FixedFractionLow_TenPercentAndEveryStepRecorded()
    {
        var r = new PositionSizer(new RiskGenome()).Size(Req(SizingMethod.FixedFraction));
        Assert.Equal((0.10, 10_000.0, 200.0), (r.Fraction, r.Notional, r.Quantity));
        Assert.Equal(
            ["base_fixed_fraction", "risk_level", "correlation_penalty", "volatility_scaling", "regime_scaling", "clamp_max_position", "clamp_total_exposure", "clamp_concentration"],
            r.Steps.Select(s => s.Name));
        Assert.All(r.Steps, s => Assert.Equal(0.10, s.Fraction, 12));
    }

    [Fact]
    public void Size_VolatilityTarget_TargetOverAssetVolatility()
    {
        var r = new PositionSizer(Loose).Size(Req(SizingMethod.VolatilityTarget) with { AssetVolatility = 0.8 });
        Assert.Equal(0.25, r.Fraction, 12); // 0.20 / 0.80
    }

    [Fact]
    public void Size_FractionalKelly_QuarterOfKelly()
    {
        var r = new PositionSizer(Loose).Size(Req(SizingMethod.FractionalKelly) with { WinRate = 0.55, PayoffRatio = 2 });
        Assert.Equal(0.25 * (0.55 - (0.45 / 2)), r.Fraction, 12); // 0.08125
    }

    [Fact]
    public void Size_KellyWithNegativeEdge_IsZero()
    {
        var r = new PositionSizer(Loose).Size(Req(SizingMethod.FractionalKelly) with { WinRate = 0.3, PayoffRatio = 1 });
        Assert.Equal(0, r.Fraction);
    }

    [Fact]
    public void Size_AtrRisk_LosesRiskPerTradeAtTheStop()
    {
        var r = new PositionSizer(Loose).Size(Req(SizingMethod.AtrRisk) with { Atr = 2, AtrMultiple = 2, RiskPerTradePct = 0.01 });
        Assert.Equal(0.125, r.Fraction, 12); // 0.01 * 50 / (2 * 2)
        Assert.Equal(1_000, r.Quantity * 2 * 2, 9); // quantity x stop distance = 1% of equity
    }

    [Fact]
    public void Size_AtrRiskAboveCap_ClampedToMaxPosition()
    {
        var r = new PositionSizer(new RiskGenome()).Size(Req(SizingMethod.AtrRisk) with { Atr = 1, AtrMultiple = 1, RiskPerTradePct = 0.01 });
        Assert.Equal(0.5, r.Steps[0].Fraction, 12);
        Assert.Equal(0.10, r.Steps[5].Fraction, 12);
        Assert.Equal(0.10, r.Fraction, 12);
    }

    [Fact]
    public void Size_AllAdjustments_MultiplyInOrder()
    {
        var g = new RiskGenome { MaxPositionSizePct = 0.2 };
        var req = Req(SizingMethod.FixedFraction, RiskLevel.Moderate, MarketRegime.BearStable) with
        {
            CorrelationToPortfolio = 0.6,
            VolatilityPercentile = 0.95,
        };
        var r = new PositionSizer(g).Size(req);
        double[] expected = [0.2, 0.1, 0.07, 0.035, 0.0175, 0.0175, 0.0175, 0.0175];
        Assert.Equal(expected, r.Steps.Select(s => Math.Round(s.Fraction, 12)));
        Assert.Equal([0.2, 0.5, 0.7, 0.5, 0.5], r.Steps.Take(5).Select(s => Math.Round(s.Parameter, 12)));
    }

    [Fact]
    public void Size_NearExposureLimit_ClampedToRemainingRoom()
    {
        var r = new PositionSizer(new RiskGenome()).Size(Req(SizingMethod.FixedFraction) with { CurrentExposure = 99_000 });
        Assert.Equal(0.01, r.Fraction, 12);
        Assert.Equal("clamp_total_exposure", r.Steps[6].Name);
    }

    [Theory]
    [InlineData(RiskLevel.Critical)]
    [InlineData(RiskLevel.Emergency)]
    public void Size_CriticalOrWorse_IsZero(RiskLevel level) =>
        Assert.Equal(0, new PositionSizer(new RiskGenome()).Size(Req(SizingMethod.FixedFraction, level)).Quantity);

    [Fact]
    public void Size_NegativeCorrelation_NoPenaltyNoBonus()
    {
        var r = new PositionSizer(new RiskGenome()).Size(Req(SizingMethod.FixedFraction) with { CorrelationToPortfolio = -0.9 });
        Assert.Equal(1.0, r.Steps[2].Parameter);
    }
}
