using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data.Validation;

/// <summary>Bars that passed validation: sorted, unique, on the grid, with the interval used and how it was found.</summary>
internal sealed record ValidatedBars(
    long[] Times,
    double[] Open,
    double[] High,
    double[] Low,
    double[] Close,
    double[] Volume,
    BarInterval Interval,
    bool IntervalInferred,
    int DuplicatesDropped)
{
    public int Count => Times.Length;

    public BarSeries ToSeries(string symbol) => new(symbol, Interval, Times, Open, High, Low, Close, Volume);
}
