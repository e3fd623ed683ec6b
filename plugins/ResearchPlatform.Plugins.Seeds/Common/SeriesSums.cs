namespace ResearchPlatform.Plugins.Seeds.Common;

/// <summary>
/// Plain prefix sums of a centred series and of its squares (centre = first value), shared by every lane of a
/// generator: a window's sum is two loads and a subtraction, for any window length.
/// </summary>
internal sealed class SeriesSums
{
    public SeriesSums(ReadOnlySpan<double> values)
    {
        Center = values.Length > 0 ? values[0] : 0;
        Sum = new double[values.Length + 1];
        Squares = new double[values.Length + 1];
        for (var i = 0; i < values.Length; i++)
        {
            var d = values[i] - Center;
            Sum[i + 1] = Sum[i] + d;
            Squares[i + 1] = Squares[i] + (d * d);
        }
    }

    /// <summary>The value subtracted before summing.</summary>
    public double Center { get; }

    /// <summary>Prefix sums: Sum[i] = Σ (x[j] - Center), j &lt; i.</summary>
    public double[] Sum { get; }

    /// <summary>Prefix sums of squares of the centred values.</summary>
    public double[] Squares { get; }
}
