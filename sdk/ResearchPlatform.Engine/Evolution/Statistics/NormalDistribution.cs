namespace ResearchPlatform.Engine.Evolution.Statistics;

/// <summary>The standard normal distribution: CDF (Hart 1968 / West 2005, double precision) and its inverse (Acklam, refined).</summary>
internal static class NormalDistribution
{
    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    /// <summary>P(Z &lt;= x).</summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var ax = Math.Abs(x);
        double tail;
        if (ax > 37)
        {
            tail = 0;
        }
        else if (ax < 7.07106781186547)
        {
            var num = (3.52624965998911e-02 * ax) + 0.700383064443688;
            num = (num * ax) + 6.37396220353165;
            num = (num * ax) + 33.912866078383;
            num = (num * ax) + 112.079291497871;
            num = (num * ax) + 221.213596169931;
            num = (num * ax) + 220.206867912376;
            var den = (8.83883476483184e-02 * ax) + 1.75566716318264;
            den = (den * ax) + 16.064177579207;
            den = (den * ax) + 86.7807322029461;
            den = (den * ax) + 296.564248779674;
            den = (den * ax) + 637.333633378831;
            den = (den * ax) + 793.826512519948;
            den = (den * ax) + 440.413735824752;
            tail = Math.Exp(-ax * ax / 2) * num / den;
        }
        else
        {
            var cf = ax + 0.65;
            cf = ax + (4 / cf);
            cf = ax + (3 / cf);
            cf = ax + (2 / cf);
            cf = ax + (1 / cf);
            tail = Math.Exp(-ax * ax / 2) / cf / 2.506628274631;
        }

        return x > 0 ? 1 - tail : tail;
    }

    /// <summary>The x with P(Z &lt;= x) = p, for p in (0, 1); -inf / +inf at 0 / 1.</summary>
    public static double InverseCdf(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "probability must be in [0, 1]");
        }

        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        const double low = 0.02425;
        double x;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = Tail(q);
        }
        else if (p <= 1 - low)
        {
            var q = p - 0.5;
            var r = q * q;
            x = Horner(A, r) * q / ((Horner(B, r) * r) + 1);
        }
        else
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -Tail(q);
        }

        // One Halley step against the double-precision CDF brings the ~1e-9 approximation to ~1e-15.
        var e = Cdf(x) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - (u / (1 + (x * u / 2)));
    }

    private static double Tail(double q) => Horner(C, q) / ((Horner(D, q) * q) + 1);

    private static double Horner(double[] coefficients, double x)
    {
        var result = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            result = (result * x) + coefficients[i];
        }

        return result;
    }
}
