using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Paper.Simulation;

/// <summary>
/// Draws a <see cref="SyntheticMarket"/> from <see cref="SyntheticMarketParameters"/> with one seeded Random, so a
/// seed always gives the same bars. Per bar: the Markov chain picks the regime (the first bar starts in sideways),
/// then <see cref="SyntheticMarketParameters.StepsPerBar"/> sub-steps of exact GBM
/// (log return (mu - sigma^2 / 2) dt + sigma sqrt(dt) Z) plus a Poisson(lambda dt) number of normal log jumps; open =
/// the previous close, high/low = the path's extremes, volume lognormal around the mean, scaled up by the bar's move.
/// </summary>
internal static class SyntheticMarketGenerator
{
    private const double HoursPerYear = 24 * 365.25;

    public static SyntheticMarket Generate(SyntheticMarketParameters p, string symbol, BarInterval interval, int count, int seed, long startMs = 1_704_067_200_000L)
    {
        var problems = p.Validate();
        if (problems.Count > 0 || count < 2)
        {
            throw new PaperInputException(count < 2 ? "a simulation needs at least 2 bars" : "invalid market parameters: " + string.Join("; ", problems));
        }

        var rng = new Random(seed);
        var dt = interval.Duration.TotalHours / HoursPerYear / p.StepsPerBar;
        var (t, o, h, l, c, v) = (new long[count], new double[count], new double[count], new double[count], new double[count], new double[count]);
        var regimes = new SimulatedRegime[count];
        var jumps = new int[count];
        var regime = SimulatedRegime.Sideways;
        var price = p.StartPrice;
        for (var i = 0; i < count; i++)
        {
            regime = i == 0 ? regime : Next(p.Transitions[(int)regime], rng.NextDouble());
            var r = p.Regimes[(int)regime];
            (t[i], o[i], h[i], l[i]) = (startMs + (i * interval.Milliseconds), price, price, price);
            for (var s = 0; s < p.StepsPerBar; s++)
            {
                var logReturn = ((r.Drift - (0.5 * r.Volatility * r.Volatility)) * dt) + (r.Volatility * Math.Sqrt(dt) * Normal(rng));
                for (var k = Poisson(r.JumpsPerYear * dt, rng); k > 0; k--)
                {
                    logReturn += r.JumpMean + (r.JumpStdDev * Normal(rng));
                    jumps[i]++;
                }

                price *= Math.Exp(logReturn);
                h[i] = Math.Max(h[i], price);
                l[i] = Math.Min(l[i], price);
            }

            c[i] = price;
            var move = Math.Abs(Math.Log(c[i] / o[i])) / Math.Max(1e-12, r.TotalVolatility * Math.Sqrt(dt * p.StepsPerBar));
            v[i] = p.MeanVolume * Math.Exp((0.5 * Normal(rng)) - 0.125) * (1 + (0.5 * move));
            regimes[i] = regime;
        }

        return new SyntheticMarket(new BarSeries(symbol, interval, t, o, h, l, c, v), regimes, jumps);
    }

    private static SimulatedRegime Next(double[] row, double u)
    {
        for (var j = 0; j < row.Length; j++)
        {
            u -= row[j];
            if (u < 0)
            {
                return (SimulatedRegime)j;
            }
        }

        return (SimulatedRegime)(row.Length - 1);
    }

    /// <summary>Standard normal by Box-Muller (one of the pair; simple and deterministic).</summary>
    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>Poisson count by inversion (lambda is small per sub-step).</summary>
    private static int Poisson(double lambda, Random rng)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        var u = rng.NextDouble();
        var term = Math.Exp(-lambda);
        var cumulative = term;
        var k = 0;
        while (u > cumulative && k < 100)
        {
            k++;
            term *= lambda / k;
            cumulative += term;
        }

        return k;
    }
}
