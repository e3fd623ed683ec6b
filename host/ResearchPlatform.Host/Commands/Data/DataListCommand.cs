using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Data.FearGreed;
using ResearchPlatform.Host.Cli;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Data;

/// <summary><c>rp data list [--json]</c>: stored symbols and intervals with rows, ranges and gaps.</summary>
internal static class DataListCommand
{
    public static Command Create(CommonOptions common)
    {
        var json = CommonOptions.JsonOption();
        var cmd = new Command("list", "List stored market data: symbol, interval, rows, first/last bar, gaps") { json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) => MapErrors(() =>
        {
            using var db = OpenDatabase(parse, common);
            var series = new BarStore(db).List();
            var fg = new FearGreedStore(db).Load();
            if (parse.GetValue(json))
            {
                output.WriteJson(new
                {
                    series = series.Select(s => new
                    {
                        symbol = s.Symbol,
                        interval = s.Interval.Code,
                        rows = s.Rows,
                        first = Iso(s.First),
                        last = Iso(s.Last),
                        gap_count = s.GapCount,
                        missing_bars = s.MissingBars,
                    }).ToList(),
                    fear_greed = new
                    {
                        rows = fg.Count,
                        first = fg.Count > 0 ? fg[0].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                        last = fg.Count > 0 ? fg[^1].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                    },
                });
                return Task.FromResult(ExitCodes.Ok);
            }

            if (series.Count == 0)
            {
                output.Line("no market data stored (import some with: rp data import FILE)");
            }
            else
            {
                output.Table(
                    ["symbol", "interval", "rows", "first", "last", "gaps", "missing bars"],
                    series.Select(s => (IReadOnlyList<string>)[s.Symbol, s.Interval.Code, N(s.Rows), Iso(s.First), Iso(s.Last), N(s.GapCount), N(s.MissingBars)]));
            }

            if (fg.Count > 0)
            {
                output.Line();
                output.Line($"fear & greed: {N(fg.Count)} days, {fg[0].Date:yyyy-MM-dd} .. {fg[^1].Date:yyyy-MM-dd}");
            }

            return Task.FromResult(ExitCodes.Ok);
        })));
        return cmd;
    }
}
