namespace ResearchPlatform.Engine.Paper;

/// <summary>A finished replay: the window, how many bars ran and how fast, and one result per strategy.</summary>
internal sealed record PaperSessionResult(
    string SessionId,
    string Symbol,
    string Interval,
    DateTimeOffset From,
    DateTimeOffset To,
    int Bars,
    TimeSpan Elapsed,
    IReadOnlyList<PaperStrategyResult> Strategies)
{
    /// <summary>Bars per second of wall time (all strategies advance together per bar).</summary>
    public double BarsPerSecond => Elapsed.TotalSeconds > 0 ? Bars / Elapsed.TotalSeconds : double.PositiveInfinity;
}
