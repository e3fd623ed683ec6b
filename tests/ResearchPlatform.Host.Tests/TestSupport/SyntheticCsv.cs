using System.Globalization;
using System.Text;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Tests.TestSupport;

/// <summary>Writes seeded synthetic hourly bars as an OHLCV CSV file (open_time in Unix ms).</summary>
internal static class SyntheticCsv
{
    public static string Write(string path, int bars, int seed = 11)
    {
        var series = SyntheticBars.Generate("SYN/USDT", BarInterval.Parse("1h"), bars, seed);
        var sb = new StringBuilder("open_time,open,high,low,close,volume\n");
        for (var i = 0; i < series.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{series.OpenTimesMs[i]},{series.Open[i]:R},{series.High[i]:R},{series.Low[i]:R},{series.Close[i]:R},{series.Volume[i]:R}\n");
        }

        File.WriteAllText(path, sb.ToString());
        return path;
    }
}
