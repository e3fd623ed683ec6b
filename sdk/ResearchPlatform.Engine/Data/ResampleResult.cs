using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data;

/// <summary>A resampled series and the buckets that were incomplete (dropped or included, per <see cref="Policy"/>).</summary>
/// <param name="Series">The coarser bars.</param>
/// <param name="PartialBuckets">Open times of the buckets that lacked source bars.</param>
/// <param name="Policy">What was done with them.</param>
public sealed record ResampleResult(BarSeries Series, IReadOnlyList<DateTimeOffset> PartialBuckets, PartialBucketPolicy Policy);
