using System.Globalization;
using System.Text;
using System.Text.Json;
using ResearchPlatform.Engine.Data.Parsing;

namespace ResearchPlatform.Engine.Data.FearGreed;

/// <summary>
/// Reads the alternative.me Fear &amp; Greed index: the CSV export (<c>fear_greed_index,value_classification,timestamp,date,...</c>;
/// also <c>value</c>/<c>classification</c> headers) or the API's JSON (<c>{"data":[{"value":"40","value_classification":"Fear",
/// "timestamp":"1551157200"}]}</c>). Values must be integers 0..100 with a classification; a date may repeat only with the same
/// value. Errors name <c>file:line</c>.
/// </summary>
public static class FearGreedFileReader
{
    private static readonly string[] ValueNames = ["feargreedindex", "value", "fng", "fgi", "index"];
    private static readonly string[] ClassNames = ["valueclassification", "classification", "label"];

    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    public static FearGreedReadResult Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new DataValidationException(full, "file not found");
        }

        var text = File.ReadAllText(full, Encoding.UTF8);
        var rows = text.TrimStart().StartsWith('{') ? ParseJson(full, text) : ParseCsv(full, text);
        return Validate(full, rows);
    }

    private static List<(int Line, DateOnly Date, int Value, string Class, string? Error)> ParseCsv(string path, string text)
    {
        var lines = text.Split('\n');
        var header = lines[0].TrimEnd('\r').Split(',').Select(BarColumnMap.Normalize).ToList();
        var value = IndexOf(header, ValueNames);
        var cls = IndexOf(header, ClassNames);
        var date = header.IndexOf("date");
        var ts = header.IndexOf("timestamp");
        if (value < 0 || cls < 0 || (date < 0 && ts < 0))
        {
            throw new DataValidationException(path, 1, $"expected columns value (fear_greed_index), value_classification and date or timestamp; found {lines[0].Trim()}");
        }

        var rows = new List<(int, DateOnly, int, string, string?)>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var f = line.Split(',').Select(x => x.Trim().Trim('"')).ToArray();
            var need = new[] { value, cls, date, ts }.Max();
            if (f.Length <= need)
            {
                rows.Add((i + 1, default, 0, string.Empty, $"expected at least {need + 1} fields, found {f.Length}"));
                continue;
            }

            var dayText = date >= 0 ? f[date] : f[ts];
            rows.Add(ParseRow(i + 1, f[value], f[cls], dayText, isUnix: date < 0));
        }

        return rows;
    }

    private static List<(int Line, DateOnly Date, int Value, string Class, string? Error)> ParseJson(string path, string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (!doc.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new DataValidationException(path, $"expected the alternative.me API object with a \"data\" array");
            }

            var rows = new List<(int, DateOnly, int, string, string?)>();
            var n = 0;
            foreach (var e in data.EnumerateArray())
            {
                n++;
                rows.Add(ParseRow(n, Prop(e, "value"), Prop(e, "value_classification"), Prop(e, "timestamp"), isUnix: true));
            }

            return rows;
        }
        catch (JsonException ex)
        {
            throw new DataValidationException(path, (int)(ex.LineNumber ?? 0) + 1, $"invalid JSON: {ex.Message}");
        }
    }

    private static string Prop(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) ? (p.ValueKind == JsonValueKind.String ? p.GetString() ?? string.Empty : p.GetRawText()) : string.Empty;

    private static (int, DateOnly, int, string, string?) ParseRow(int line, string valueText, string cls, string dayText, bool isUnix)
    {
        if (!int.TryParse(valueText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 100)
        {
            return (line, default, 0, cls, $"value '{valueText}' is not an integer from 0 to 100");
        }

        if (cls.Length == 0)
        {
            return (line, default, value, cls, "value_classification is empty");
        }

        DateOnly day;
        if (isUnix || TimestampText.ForSample(dayText).IsUnix)
        {
            if (!UnixTime.TryParse(dayText, out var ms, out var err))
            {
                return (line, default, value, cls, err);
            }

            if (ms % 86_400_000L != 0)
            {
                return (line, default, value, cls, $"timestamp {dayText} is not 00:00 UTC");
            }

            day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime);
        }
        else if (!DateOnly.TryParseExact(dayText, ["yyyy-MM-dd", "dd-MM-yyyy", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return (line, default, value, cls, $"date '{dayText}' is not a date (yyyy-MM-dd)");
        }

        return (line, day, value, cls, null);
    }

    private static FearGreedReadResult Validate(string path, List<(int Line, DateOnly Date, int Value, string Class, string? Error)> rows)
    {
        var errors = rows.Where(r => r.Error is not null).Select(r => new DataError($"{path}:{r.Line}", r.Line, r.Error!)).ToList();
        var byDate = new Dictionary<DateOnly, (int Line, int Value, string Class)>();
        var duplicates = 0;
        foreach (var r in rows.Where(r => r.Error is null))
        {
            if (byDate.TryGetValue(r.Date, out var prev))
            {
                duplicates++;
                if (prev.Value != r.Value || prev.Class != r.Class)
                {
                    errors.Add(new DataError($"{path}:{r.Line}", r.Line,
                        $"date {r.Date:yyyy-MM-dd} repeats line {prev.Line} with a different value ({prev.Value} {prev.Class} vs {r.Value} {r.Class})"));
                }

                continue;
            }

            byDate[r.Date] = (r.Line, r.Value, r.Class);
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(path, errors.OrderBy(e => e.Line).Take(200).ToList(), errors.Count);
        }

        if (byDate.Count == 0)
        {
            throw new DataValidationException(path, "file contains no values");
        }

        var points = byDate.OrderBy(kv => kv.Key).Select(kv => new FearGreedPoint(kv.Key, kv.Value.Value, kv.Value.Class)).ToList();
        var missing = new List<DateOnly>();
        for (var d = points[0].Date; d <= points[^1].Date; d = d.AddDays(1))
        {
            if (!byDate.ContainsKey(d))
            {
                missing.Add(d);
            }
        }

        return new FearGreedReadResult(path, points, missing, duplicates);
    }

    private static int IndexOf(List<string> header, string[] names)
    {
        foreach (var n in names)
        {
            var i = header.IndexOf(n);
            if (i >= 0)
            {
                return i;
            }
        }

        return -1;
    }
}
