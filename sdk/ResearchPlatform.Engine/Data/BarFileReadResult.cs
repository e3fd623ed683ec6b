using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data;

/// <summary>A validated market-data file: its bars as a <see cref="BarSeries"/>, its gaps, and what was inferred.</summary>
/// <param name="FilePath">Absolute path of the file read.</param>
/// <param name="Format">The format used (the sniffed one when <see cref="BarFileFormat.Auto"/> was asked).</param>
/// <param name="Series">The bars, sorted and unique.</param>
/// <param name="Gaps">Runs of missing bars (reported, never filled).</param>
/// <param name="SymbolInferred">True when the symbol came from the file (name or a symbol column) rather than the caller.</param>
/// <param name="IntervalInferred">True when the interval was inferred from the data (most common spacing).</param>
/// <param name="DuplicatesDropped">Records that exactly repeated an earlier bar (same time and values) and were dropped.</param>
public sealed record BarFileReadResult(
    string FilePath,
    BarFileFormat Format,
    BarSeries Series,
    GapReport Gaps,
    bool SymbolInferred,
    bool IntervalInferred,
    int DuplicatesDropped);
