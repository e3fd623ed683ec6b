using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Evolution.Evaluation;

/// <summary>Content keys of datasets, so cached fitness and stored runs name exactly the bars they were computed on.</summary>
internal static class DatasetKeys
{
    /// <summary>
    /// <c>symbol interval count first..last sha256:16 hex</c>, the hash over times and OHLCV: any changed bar changes it.
    /// </summary>
    public static string Of(BarSeries bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(MemoryMarshal.AsBytes(bars.OpenTimesMs.AsSpan()));
        foreach (var column in new[] { bars.Open, bars.High, bars.Low, bars.Close, bars.Volume })
        {
            sha.AppendData(MemoryMarshal.AsBytes(column.AsSpan()));
        }

        var hash = Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
        var range = bars.Count == 0
            ? "empty"
            : bars.TimeAt(0).ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture) + ".." + bars.TimeAt(bars.Count - 1).ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{bars.Symbol} {bars.Interval.Code} {bars.Count} {range} sha256:{hash}");
    }
}
