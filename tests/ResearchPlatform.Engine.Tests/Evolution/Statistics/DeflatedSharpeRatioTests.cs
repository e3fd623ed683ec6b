using ResearchPlatform.Engine.Evolution.Statistics;

namespace ResearchPlatform.Engine.Tests.Evolution.Statistics;

public sealed class DeflatedSharpeRatioTests
{
    // Bailey & López de Prado (2014), numerical example: 100 trials, annualised Sharpe 2.5 on 1,250 daily returns,
    // variance of the trials' annualised Sharpe 0.5, skewness -3, kurtosis 10; the paper reports DSR = 0.9004.
    private const double Days = 250;
    private const double Sharpe = 2.5 / 15.811388300841896; // 2.5 / sqrt(250)
    private const double Variance = 0.5 / Days;

    [Fact]
    public void Compute_PaperExample_MatchesWorkedValueAndPublishedFigure()
    {
        // Worked independently: table quantiles Z^-1(0.99) and Z^-1(1 - 1/(100 e)), and an erf approximation for Z.
        const double gamma = 0.5772156649015329;
        const double z99 = 2.3263478740408408;
        const double z100e = 2.680210444966887;
        var sr0 = Math.Sqrt(Variance) * (((1 - gamma) * z99) + (gamma * z100e));
        var stat = (Sharpe - sr0) * Math.Sqrt(1250 - 1) / Math.Sqrt(1 - (-3 * Sharpe) + ((10 - 1) / 4.0 * Sharpe * Sharpe));
        var worked = 0.5 * (1 + Erf(stat / Math.Sqrt(2)));

        var result = DeflatedSharpeRatio.Compute(Sharpe, 1250, -3, 10, 100, Variance, Days);

        Assert.Equal(0.1131720, sr0, 6);
        Assert.Equal(sr0, result.ExpectedMaxSharpe, 9);
        Assert.Equal(1.7894065, result.ExpectedMaxSharpeAnnualized, 6);
        Assert.Equal(worked, result.Deflated, 6);
        Assert.Equal(0.9004, result.Deflated, 4);
        Assert.Equal(2.5, result.SharpeAnnualized, 12);
        Assert.True(result.ProbabilisticSharpe > result.Deflated);
    }

    [Fact]
    public void ExpectedMaxSharpe_MoreTrials_RaisesTheBar()
    {
        var few = DeflatedSharpeRatio.ExpectedMaxSharpe(10, Variance);
        var many = DeflatedSharpeRatio.ExpectedMaxSharpe(10_000, Variance);

        Assert.True(many > few);
        Assert.Equal(0, DeflatedSharpeRatio.ExpectedMaxSharpe(1, Variance));
        Assert.Equal(0, DeflatedSharpeRatio.ExpectedMaxSharpe(100, 0));
    }

    [Fact]
    public void Probabilistic_NormalReturnsAtBenchmark_IsOneHalf()
    {
        Assert.Equal(0.5, DeflatedSharpeRatio.Probabilistic(0.1, 0.1, 500, 0, 3), 12);
        Assert.True(double.IsNaN(DeflatedSharpeRatio.Probabilistic(0.1, 0, 1, 0, 3)));
    }

    // Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7): independent of the production CDF.
    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        var t = 1 / (1 + (0.3275911 * x));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var y = 1 - (poly * Math.Exp(-x * x));
        return sign * y;
    }
}
