namespace ResearchPlatform.Sdk.Tests.Indicators;

/// <summary>Plain textbook implementations (direct loops, two-pass) the library is checked against.</summary>
internal static class Naive
{
    public static double[] Random(int n, int seed, double start = 100)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var p = start;
        for (var i = 0; i < n; i++)
        {
            p *= Math.Exp((rng.NextDouble() - 0.5) * 0.05);
            x[i] = p;
        }

        return x;
    }

    public static double Mean(double[] x, int end, int n)
    {
        double s = 0;
        for (var i = end - n + 1; i <= end; i++)
        {
            s += x[i];
        }

        return s / n;
    }

    public static double Std(double[] x, int end, int n, bool sample)
    {
        var m = Mean(x, end, n);
        double s = 0;
        for (var i = end - n + 1; i <= end; i++)
        {
            s += (x[i] - m) * (x[i] - m);
        }

        return Math.Sqrt(s / (sample ? n - 1 : n));
    }

    public static double[] Ema(double[] x, int n)
    {
        var y = new double[x.Length];
        var a = 2.0 / (n + 1);
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = i < n - 1 ? double.NaN : i == n - 1 ? Mean(x, i, n) : (a * x[i]) + ((1 - a) * y[i - 1]);
        }

        return y;
    }

    public static double[] Wilder(double[] x, int n, int first)
    {
        // Wilder's average of x[first..]: seeded with the mean of the first n values
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            if (i < first + n - 1)
            {
                y[i] = double.NaN;
            }
            else if (i == first + n - 1)
            {
                y[i] = Mean(x, i, n);
            }
            else
            {
                y[i] = ((y[i - 1] * (n - 1)) + x[i]) / n;
            }
        }

        return y;
    }

    public static double[] TrueRange(double[] h, double[] l, double[] c) =>
        h.Select((_, i) => i == 0 ? h[0] - l[0] : new[] { h[i] - l[i], Math.Abs(h[i] - c[i - 1]), Math.Abs(l[i] - c[i - 1]) }.Max()).ToArray();
}
