using System.Text;

namespace ResearchPlatform.Engine.Data.Parsing;

/// <summary>
/// Which field holds which value in a delimited or columnar file. Built from a header (names matched
/// case-insensitively, ignoring spaces, underscores, dashes and dots; any column order) or positionally for headerless
/// files (<c>time, open, high, low, close, volume, ...</c>, as Binance klines and QuantConnect files are laid out).
/// </summary>
internal sealed record BarColumnMap(int Time, int Open, int High, int Low, int Close, int Volume, int ClockTime = -1, int Symbol = -1, int Interval = -1)
{
    private static readonly string[] TimeNames =
        ["opentime", "timestamp", "datetime", "date", "time", "ts", "unixtimestamp", "unix", "timestampms", "opentimestamp", "t", "index", ""];

    private static readonly string[] OpenNames = ["open", "o", "openprice"];
    private static readonly string[] HighNames = ["high", "h", "highprice"];
    private static readonly string[] LowNames = ["low", "l", "lowprice"];
    private static readonly string[] CloseNames = ["close", "c", "closeprice"];
    private static readonly string[] VolumeNames = ["volume", "vol", "v", "basevolume", "volumebase", "baseassetvolume"];

    /// <summary>The largest field index used.</summary>
    public int MaxIndex => new[] { Time, Open, High, Low, Close, Volume, ClockTime }.Max();

    /// <summary>Headerless layout: time, open, high, low, close, volume in the first six fields.</summary>
    public static BarColumnMap Positional() => new(0, 1, 2, 3, 4, 5);

    /// <summary>Normalises a column name for matching: lower case without spaces, <c>_ - .</c> and quotes.</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            if (!(char.IsWhiteSpace(ch) || ch is '_' or '-' or '.' or '"' or '\uFEFF'))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return sb.ToString();
    }

    /// <summary>Maps header names; <paramref name="problem"/> names the missing or ambiguous column.</summary>
    public static BarColumnMap? FromHeader(IReadOnlyList<string> header, out string problem)
    {
        var names = header.Select(Normalize).ToList();
        var time = Find(names, TimeNames);
        var open = Find(names, OpenNames);
        var high = Find(names, HighNames);
        var low = Find(names, LowNames);
        var close = Find(names, CloseNames);
        var volume = FindVolume(names, out var volumeProblem);
        var missing = new List<string>();
        AddIfMissing(missing, time, "time (open_time/timestamp/date/...)");
        AddIfMissing(missing, open, "open");
        AddIfMissing(missing, high, "high");
        AddIfMissing(missing, low, "low");
        AddIfMissing(missing, close, "close");
        if (volume < 0)
        {
            missing.Add(volumeProblem);
        }

        if (missing.Count > 0)
        {
            problem = $"header has no {string.Join(", no ", missing)} column (columns: {string.Join(", ", header.Select(h => "'" + h + "'"))})";
            return null;
        }

        // A "date" column next to a separate "time" column (MetaTrader style) is combined when "time" holds the clock.
        var clock = names[time] == "date" ? names.IndexOf("time") : -1;
        problem = string.Empty;
        return new BarColumnMap(time, open, high, low, close, volume, clock, names.IndexOf("symbol"), names.IndexOf("interval"));
    }

    private static void AddIfMissing(List<string> missing, int index, string name)
    {
        if (index < 0)
        {
            missing.Add(name);
        }
    }

    private static int Find(List<string> names, string[] candidates)
    {
        foreach (var c in candidates)
        {
            var i = names.IndexOf(c);
            if (i >= 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindVolume(List<string> names, out string problem)
    {
        var exact = Find(names, VolumeNames);
        if (exact >= 0)
        {
            problem = string.Empty;
            return exact;
        }

        // e.g. "Volume BTC" next to "Volume USDT" is ambiguous; a single "Volume XYZ" column is the base volume.
        var prefixed = names.Select((n, i) => (n, i)).Where(p => p.n.StartsWith("volume", StringComparison.Ordinal)).ToList();
        if (prefixed.Count == 1)
        {
            problem = string.Empty;
            return prefixed[0].i;
        }

        problem = prefixed.Count == 0 ? "volume" : "unambiguous volume (several volume columns)";
        return -1;
    }
}
