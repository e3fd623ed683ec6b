namespace ResearchPlatform.Engine.Data;

/// <summary>What resampling does with a target bucket that lacks some of its source bars.</summary>
public enum PartialBucketPolicy
{
    /// <summary>
    /// Keep only complete buckets (every source bar present). The default: an incomplete bucket's open, high, low or
    /// volume would be wrong (the in-progress last day, an exchange outage), so it becomes a gap in the coarse series,
    /// exactly like missing source bars are gaps; the dropped buckets are listed in the result.
    /// </summary>
    Drop,

    /// <summary>Keep incomplete buckets too, aggregated from the bars that exist, and list them in the result.</summary>
    Include,
}
