using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Data;

/// <summary>
/// Aggregates bars into a coarser interval (15m → 1h → 4h → 1d → 1w): open = first open, high = max high, low = min low,
/// close = last close, volume = sum, bucketed on the target's <see cref="BarGrid"/> (UTC days, Monday weeks). The target
/// must be a whole multiple of the source. Incomplete buckets are dropped by default (<see cref="PartialBucketPolicy"/>).
/// </summary>
public static class BarResampler
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="target"/> is a multiple of <paramref name="source"/>.</summary>
    public static void CheckCompatible(BarInterval source, BarInterval target)
    {
        if (target.Milliseconds < source.Milliseconds || target.Milliseconds % source.Milliseconds != 0)
        {
            throw new ArgumentException($"cannot resample {source} bars to {target}: the target must be a whole multiple of {source}");
        }
    }

    /// <summary>Resamples <paramref name="source"/> to <paramref name="target"/>.</summary>
    public static ResampleResult Resample(BarSeries source, BarInterval target, PartialBucketPolicy policy = PartialBucketPolicy.Drop)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckCompatible(source.Interval, target);
        var perBucket = target.Milliseconds / source.Interval.Milliseconds;
        var n = source.Count;
        var t = new List<long>(Math.Max(1, (int)(n / perBucket) + 2));
        var o = new List<double>(t.Capacity);
        var h = new List<double>(t.Capacity);
        var l = new List<double>(t.Capacity);
        var c = new List<double>(t.Capacity);
        var v = new List<double>(t.Capacity);
        var partial = new List<DateTimeOffset>();
        var i = 0;
        while (i < n)
        {
            var bucket = BarGrid.Floor(source.OpenTimesMs[i], target);
            var end = bucket + target.Milliseconds;
            double open = source.Open[i], high = source.High[i], low = source.Low[i], close = source.Close[i], volume = 0;
            var count = 0;
            for (; i < n && source.OpenTimesMs[i] < end; i++, count++)
            {
                high = Math.Max(high, source.High[i]);
                low = Math.Min(low, source.Low[i]);
                close = source.Close[i];
                volume += source.Volume[i];
            }

            var complete = count == perBucket;
            if (!complete)
            {
                partial.Add(DateTimeOffset.FromUnixTimeMilliseconds(bucket));
                if (policy == PartialBucketPolicy.Drop)
                {
                    continue;
                }
            }

            t.Add(bucket);
            o.Add(open);
            h.Add(high);
            l.Add(low);
            c.Add(close);
            v.Add(volume);
        }

        var series = new BarSeries(source.Symbol, target, [.. t], [.. o], [.. h], [.. l], [.. c], [.. v]);
        return new ResampleResult(series, partial, policy);
    }
}
