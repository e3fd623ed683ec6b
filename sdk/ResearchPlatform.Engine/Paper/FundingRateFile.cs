using System.Globalization;
using System.Text.Json;

namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// Reads funding rates for <c>rp paper --funding FILE</c>: Hyperliquid's fundingHistory JSON (an array of
/// <c>{"coin","fundingRate","premium","time"}</c>, time in ms) or CSV <c>time,rate</c> (a header line is optional; time
/// ISO-8601 or Unix ms). Times are floored to the hour (the exchange stamps a few ms past it). Errors name the file and
/// line or element.
/// </summary>
internal static class FundingRateFile
{
    public static IReadOnlyList<FundingRatePoint> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new PaperInputException($"--funding: file not found: {path}");
        }

        var text = File.ReadAllText(path);
        var points = text.TrimStart().StartsWith('[') ? ReadJson(path, text) : ReadCsv(path, text);
        if (points.Count == 0)
        {
            throw new PaperInputException($"--funding: {path} has no rates");
        }

        return Normalize(points);
    }

    /// <summary>Rates floored to their hour, the last one per hour kept, oldest first (files and venue histories alike).</summary>
    public static IReadOnlyList<FundingRatePoint> Normalize(IEnumerable<FundingRatePoint> points) =>
        [.. points.Select(p => p with { Time = Hour(p.Time) }).GroupBy(p => p.Time).Select(g => g.Last()).OrderBy(p => p.Time)];

    private static List<FundingRatePoint> ReadJson(string path, string text)
    {
        var points = new List<FundingRatePoint>();
        try
        {
            using var doc = JsonDocument.Parse(text);
            var i = 0;
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (!e.TryGetProperty("time", out var t) || !e.TryGetProperty("fundingRate", out var r))
                {
                    throw new PaperInputException($"--funding: {path}: element {i} has no time/fundingRate");
                }

                var rate = r.ValueKind == JsonValueKind.String ? decimal.Parse(r.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture) : r.GetDecimal();
                points.Add(new FundingRatePoint(Hour(DateTimeOffset.FromUnixTimeMilliseconds(t.GetInt64())), rate));
                i++;
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new PaperInputException($"--funding: {path}: {e.Message}");
        }

        return points;
    }

    private static List<FundingRatePoint> ReadCsv(string path, string text)
    {
        var points = new List<FundingRatePoint>();
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0 || (n == 0 && !char.IsDigit(line[0])))
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length < 2 || !decimal.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
            {
                throw new PaperInputException($"--funding: {path}:{n + 1}: expected time,rate");
            }

            DateTimeOffset time;
            if (long.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            {
                time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            }
            else if (!DateTimeOffset.TryParse(cells[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
            {
                throw new PaperInputException($"--funding: {path}:{n + 1}: '{cells[0]}' is not a time (ISO-8601 or Unix ms)");
            }

            points.Add(new FundingRatePoint(Hour(time), rate));
        }

        return points;
    }

    private static DateTimeOffset Hour(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
}
