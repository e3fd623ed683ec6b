namespace ResearchPlatform.Engine.Backtesting;

/// <summary>A half-open bar index range [Start, End) of a series: one backtest window.</summary>
/// <param name="Start">First bar (inclusive).</param>
/// <param name="End">End bar (exclusive).</param>
public readonly record struct BarRange(int Start, int End)
{
    /// <summary>Number of bars.</summary>
    public int Length => End - Start;

    /// <summary>The whole series of <paramref name="count"/> bars.</summary>
    public static BarRange All(int count) => new(0, count);

    /// <inheritdoc />
    public override string ToString() => $"[{Start}, {End})";
}
