using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data;

/// <summary>One stored symbol/interval: row count, first and last open time, and its gaps.</summary>
public sealed record StoredSeriesInfo(
    string Symbol,
    BarInterval Interval,
    long Rows,
    DateTimeOffset First,
    DateTimeOffset Last,
    long GapCount,
    long MissingBars);
