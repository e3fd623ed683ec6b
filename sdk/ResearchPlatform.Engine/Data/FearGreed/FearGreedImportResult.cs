namespace ResearchPlatform.Engine.Data.FearGreed;

/// <summary>What a Fear &amp; Greed import did; <c>Inserted + Updated + Unchanged = Rows</c>.</summary>
public sealed record FearGreedImportResult(
    int Rows,
    int Inserted,
    int Updated,
    int Unchanged,
    DateOnly? First,
    DateOnly? Last,
    IReadOnlyList<DateOnly> MissingDays);
