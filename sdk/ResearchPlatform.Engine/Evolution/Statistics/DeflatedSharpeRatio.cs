namespace ResearchPlatform.Engine.Evolution.Statistics;

/// <summary>
/// Deflated Sharpe ratio (Bailey &amp; López de Prado, "The Deflated Sharpe Ratio", 2014). The benchmark is the expected
/// maximum Sharpe of N independent skill-less trials,
/// <c>SR0 = sqrt(V) * ((1 - g) * Z^-1(1 - 1/N) + g * Z^-1(1 - 1/(N e)))</c> with g the Euler–Mascheroni constant, and
/// <c>DSR = Z((SR - SR0) * sqrt(T - 1) / sqrt(1 - skew * SR + (kurt - 1) / 4 * SR^2))</c>, all Sharpe ratios per bar.
/// </summary>
internal static class DeflatedSharpeRatio
{
    /// <summary>The Euler–Mascheroni constant.</summary>
    public const double EulerMascheroni = 0.5772156649015329;

    /// <summary>Expected maximum Sharpe of <paramref name="trials"/> trials whose Sharpe ratios have variance <paramref name="variance"/>.</summary>
    public static double ExpectedMaxSharpe(long trials, double variance)
    {
        if (trials <= 1 || !(variance > 0))
        {
            return 0;
        }

        var n = (double)trials;
        return Math.Sqrt(variance) * (((1 - EulerMascheroni) * NormalDistribution.InverseCdf(1 - (1 / n)))
            + (EulerMascheroni * NormalDistribution.InverseCdf(1 - (1 / (n * Math.E)))));
    }

    /// <summary>
    /// Probabilistic Sharpe ratio: P(true Sharpe &gt; <paramref name="benchmark"/>) given <paramref name="observations"/>
    /// returns with the given skewness and kurtosis (not excess). NaN when the variance term is not positive.
    /// </summary>
    public static double Probabilistic(double sharpe, double benchmark, long observations, double skewness, double kurtosis)
    {
        if (observations < 2)
        {
            return double.NaN;
        }

        var denominator = 1 - (skewness * sharpe) + ((kurtosis - 1) / 4 * sharpe * sharpe);
        if (!(denominator > 0))
        {
            return double.NaN;
        }

        return NormalDistribution.Cdf((sharpe - benchmark) * Math.Sqrt(observations - 1) / Math.Sqrt(denominator));
    }

    /// <summary>The full DSR report for a per-bar Sharpe ratio selected out of <paramref name="trials"/> trials.</summary>
    public static DeflatedSharpeResult Compute(
        double sharpe, long observations, double skewness, double kurtosis, long trials, double trialSharpeVariance, double periodsPerYear)
    {
        var benchmark = ExpectedMaxSharpe(trials, trialSharpeVariance);
        var annualise = Math.Sqrt(periodsPerYear);
        return new DeflatedSharpeResult(
            sharpe,
            sharpe * annualise,
            observations,
            skewness,
            kurtosis,
            trials,
            trialSharpeVariance,
            benchmark,
            benchmark * annualise,
            Probabilistic(sharpe, 0, observations, skewness, kurtosis),
            Probabilistic(sharpe, benchmark, observations, skewness, kurtosis));
    }
}
