namespace ResearchPlatform.Engine.Data;

/// <summary>What an export wrote.</summary>
/// <param name="FilePath">Absolute path of the written file.</param>
/// <param name="Format">Its format.</param>
/// <param name="Symbol">The symbol exported.</param>
/// <param name="Interval">The interval of the exported bars (the target interval when resampled).</param>
/// <param name="Rows">Bars written.</param>
/// <param name="Bytes">File size.</param>
/// <param name="PartialBuckets">When resampled: buckets that were incomplete (dropped or included per the policy).</param>
public sealed record BarExportResult(
    string FilePath,
    BarExportFormat Format,
    string Symbol,
    string Interval,
    int Rows,
    long Bytes,
    IReadOnlyList<DateTimeOffset> PartialBuckets);
