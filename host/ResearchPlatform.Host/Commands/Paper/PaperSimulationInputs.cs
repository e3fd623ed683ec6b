using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Paper.Simulation;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk.Data;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Paper;

/// <summary>The market of <c>rp paper --mode simulation --seed-market N [--bars N] [--interval I] [--symbol S]</c>.</summary>
internal static class PaperSimulationInputs
{
    public static (BarSeries Bars, string Source) Bars(ParseResult parse, PaperCliOptions o, CliOutput output)
    {
        var n = parse.GetValue(o.BarCount);
        if (n is < 2 or > 10_000_000)
        {
            throw new BadInputException("--bars must be 2..10,000,000 for --mode simulation");
        }

        if (parse.GetValue(o.Data) is not null)
        {
            throw new BadInputException("--mode simulation generates its market: drop --data");
        }

        var interval = ParseInterval(parse.GetValue(o.Interval), "--interval") ?? BarInterval.Parse("1h");
        var source = new SimulationSource(parse.GetValue(o.SeedMarket), n, interval, parse.GetValue(o.Symbol) ?? "SIM/USDT");
        var market = source.Generate();
        var share = Enum.GetValues<SimulatedRegime>().Select(r => string.Create(
            CultureInfo.InvariantCulture, $"{r.ToString().ToLowerInvariant()} {100.0 * market.Regimes.Count(x => x == r) / n:F0}%"));
        output.Info(string.Create(CultureInfo.InvariantCulture, $"simulation market: seed {source.Seed}, {n:N0} {interval} bars, {market.JumpsPerBar.Sum()} jumps, regimes {string.Join(", ", share)}"));
        return (market.Bars, source.ToString());
    }
}
