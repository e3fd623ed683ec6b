using System.Globalization;
using System.Text;
using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands.Paper;

/// <summary><c>rp paper --funding FILE</c>: funding rates from data applied hourly by the simulated venue and reported.</summary>
public sealed class PaperFundingTests
{
    private const decimal Rate = 0.0001m;

    [Fact]
    public async Task Funding_FileRatesEqualConstantAndSignFlipFlipsPayments_ReportsFunding()
    {
        using var dir = new TempDir();
        var csv = SyntheticCsv.Write(dir.File("bars.csv"), 200);
        var start = long.Parse(File.ReadLines(csv).Skip(1).First().Split(',')[0], CultureInfo.InvariantCulture);
        var positive = WriteRates(dir.File("plus.csv"), start, Rate, csv: true);
        var negative = WriteRates(dir.File("minus.json"), start, -Rate, csv: false);
        string[] common = ["paper", "--data", csv, "--symbol", "SYN/USDT", "--seed", "momentum", "--gene", "fast=3", "--gene", "slow=8", "--size", "fixed-units", "--units", "0.5", "--json"];

        var runs = await Task.WhenAll(
            RpSession.RunAsync(dir.File("ws1"), [.. common, "--funding-rate", Rate.ToString(CultureInfo.InvariantCulture)]),
            RpSession.RunAsync(dir.File("ws2"), [.. common, "--funding", positive]),
            RpSession.RunAsync(dir.File("ws3"), [.. common, "--funding", negative]),
            RpSession.RunAsync(dir.File("ws4"), [.. common, "--funding", dir.File("nope.csv")]));

        Assert.All(runs.Take(3), r => Assert.True(r.Exit == 0, r.Stderr));
        var constant = Funding(runs[0].Stdout);
        var file = Funding(runs[1].Stdout);
        var flipped = Funding(runs[2].Stdout);
        Assert.NotEqual(0m, constant);
        Assert.Equal(constant, file);
        Assert.Equal(-file, flipped);
        Assert.Equal(2, runs[3].Exit);
        Assert.Contains("--funding: file not found", runs[3].Stderr, StringComparison.Ordinal);
    }

    private static decimal Funding(string stdout)
    {
        using var doc = JsonDocument.Parse(stdout);
        var s = doc.RootElement.GetProperty("strategies")[0];
        Assert.True(s.GetProperty("reconciliation").GetProperty("agrees").GetBoolean());
        return s.GetProperty("funding").GetDecimal();
    }

    // Fixed units: the sizes do not depend on equity, so flipping the funding sign flips every payment exactly.

    /// <summary>One rate per hour over the bars (and a day beyond), stamped a few ms past the hour like the exchange.</summary>
    private static string WriteRates(string path, long startMs, decimal rate, bool csv)
    {
        var sb = new StringBuilder(csv ? "time,rate\n" : "[");
        for (var h = 0; h < 224; h++)
        {
            var t = startMs + (h * 3_600_000L) + 76;
            var r = rate.ToString(CultureInfo.InvariantCulture);
            sb.Append(csv
                ? string.Create(CultureInfo.InvariantCulture, $"{t},{r}\n")
                : string.Create(CultureInfo.InvariantCulture, $"{(h > 0 ? "," : "")}{{\"coin\":\"BTC\",\"fundingRate\":\"{r}\",\"premium\":\"0\",\"time\":{t}}}"));
        }

        File.WriteAllText(path, csv ? sb.ToString() : sb.Append(']').ToString());
        return path;
    }
}
