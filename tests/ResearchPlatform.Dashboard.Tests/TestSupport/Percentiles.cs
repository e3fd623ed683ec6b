namespace ResearchPlatform.Dashboard.Tests.TestSupport;

/// <summary>Summary figures of measured latencies (nearest-rank percentiles).</summary>
internal sealed record Percentiles(int Count, double Min, double P50, double P95, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = values.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, sorted[0], Rank(0.5), Rank(0.95), sorted[^1]);
    }

    public override string ToString() =>
        Count == 0 ? "no samples" : FormattableString.Invariant($"n={Count} min {Min:F0} / p50 {P50:F0} / p95 {P95:F0} / max {Max:F0} ms");
}
