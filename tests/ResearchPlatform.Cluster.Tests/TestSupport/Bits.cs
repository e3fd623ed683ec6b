using System.Globalization;
using System.Text;
using ResearchPlatform.Engine.Evolution.Fitness;

namespace ResearchPlatform.Cluster.Tests.TestSupport;

/// <summary>Exact text forms of evaluations (every double as its 64 bits) for bit-identity checks.</summary>
internal static class Bits
{
    public static string Of(IReadOnlyList<IndividualEvaluation> results)
    {
        var sb = new StringBuilder();
        foreach (var r in results)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Status}|{r.Error}|");
            foreach (var w in r.Windows)
            {
                foreach (var d in new[] { w.Sharpe, w.TotalReturn, w.MaxDrawdown, w.Skewness, w.Kurtosis })
                {
                    sb.Append(BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture)).Append(',');
                }

                sb.Append(CultureInfo.InvariantCulture, $"{w.Trades},{w.Bars};");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
