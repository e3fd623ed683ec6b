using ResearchPlatform.Engine.Evolution.Fitness;

namespace ResearchPlatform.Engine.RiskEvolution;

/// <summary>
/// Metrics of an equal-weight portfolio of strategy sleeves on one window, with the kernel's conventions: every sleeve
/// starts with the same cash, the portfolio's per-bar return of bar i is <c>P[i] / P[i-1] - 1</c> with
/// <c>P[-1] = 1</c> (n returns for n bars), Sharpe = mean / sample std x sqrt(bars per year), max drawdown from the
/// running peak of P (including the start), skewness and kurtosis (not excess) are the population moments of the
/// per-bar returns.
/// </summary>
internal static class PortfolioMetrics
{
    /// <summary>Window metrics of the sleeves' equity curves (each normalised by <paramref name="initialCash"/>).</summary>
    public static WindowMetrics Combine(IReadOnlyList<IReadOnlyList<double>> sleeves, double initialCash, int trades, double barsPerYear)
    {
        ArgumentNullException.ThrowIfNull(sleeves);
        if (sleeves.Count == 0 || sleeves[0].Count == 0)
        {
            return new WindowMetrics(0, 0, 0, trades, 0);
        }

        var n = sleeves[0].Count;
        var returns = new double[n];
        double prev = 1, peak = 1, maxDd = 0;
        for (var i = 0; i < n; i++)
        {
            double sum = 0;
            foreach (var s in sleeves)
            {
                sum += s[i];
            }

            var p = sum / (sleeves.Count * initialCash);
            returns[i] = prev > 0 ? (p / prev) - 1 : 0;
            prev = p;
            peak = Math.Max(peak, p);
            maxDd = Math.Max(maxDd, peak > 0 ? 1 - (p / peak) : 0);
        }

        var (sharpe, skew, kurt) = Moments(returns, barsPerYear);
        return new WindowMetrics(sharpe, prev - 1, maxDd, trades, n, skew, kurt);
    }

    /// <summary>
    /// Annualised Sharpe (sample std, 0 without variance), skewness and kurtosis (population moments; 0 and 3 without
    /// variance) of <paramref name="returns"/>.
    /// </summary>
    public static (double Sharpe, double Skewness, double Kurtosis) Moments(ReadOnlySpan<double> returns, double barsPerYear)
    {
        var n = returns.Length;
        if (n < 2)
        {
            return (0, 0, 3);
        }

        double mean = 0;
        foreach (var r in returns)
        {
            mean += r;
        }

        mean /= n;
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var r in returns)
        {
            var d = r - mean;
            var d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }

        if (!(m2 > 0))
        {
            return (0, 0, 3);
        }

        var sampleStd = Math.Sqrt(m2 / (n - 1));
        var pop2 = m2 / n;
        return (mean / sampleStd * Math.Sqrt(barsPerYear), m3 / n / Math.Pow(pop2, 1.5), m4 / n / (pop2 * pop2));
    }
}
