using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data;

/// <summary>
/// What an import did. <see cref="Inserted"/> + <see cref="Updated"/> + <see cref="Unchanged"/> = <see cref="Rows"/>:
/// re-importing the same data inserts and updates nothing; an overlapping file updates the bars whose values differ.
/// </summary>
public sealed record BarImportResult(
    string Symbol,
    BarInterval Interval,
    int Rows,
    int Inserted,
    int Updated,
    int Unchanged,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    GapReport Gaps,
    string Source)
{
    /// <summary>The file format, when the import came from a file.</summary>
    public BarFileFormat? Format { get; init; }

    /// <summary>True when the symbol was taken from the file rather than given.</summary>
    public bool SymbolInferred { get; init; }

    /// <summary>True when the interval was inferred from the data rather than given.</summary>
    public bool IntervalInferred { get; init; }

    /// <summary>Exact duplicate records in the file that were dropped.</summary>
    public int DuplicatesDropped { get; init; }
}
