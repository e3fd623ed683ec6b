using System.CommandLine;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk.Data;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Backtest;

/// <summary>
/// Loads the bars a research command works on: <c>--data FILE</c> (symbol and interval inferred from the file, or
/// given by --symbol / --interval), or <c>--symbol S --interval I</c> from the workspace.
/// </summary>
internal static class BarSource
{
    /// <summary>The whole series (indicators warm up from its first bar) and a description of where it came from.</summary>
    public static (BarSeries Bars, string Source) Load(ParseResult parse, BacktestCliOptions o, CommonOptions common, CancellationToken ct)
    {
        var data = parse.GetValue(o.Data);
        var symbol = parse.GetValue(o.Symbol);
        var interval = ParseInterval(parse.GetValue(o.Interval), "--interval");
        if (!string.IsNullOrWhiteSpace(data))
        {
            if (!File.Exists(data))
            {
                throw new BadInputException($"--data: file not found: {data}");
            }

            var read = BarFileReader.Read(data, BarFileFormat.Auto, symbol, interval, ct);
            return (read.Series, read.FilePath);
        }

        if (string.IsNullOrWhiteSpace(symbol) || interval is null)
        {
            throw new BadInputException("give --data FILE, or --symbol and --interval of bars stored in the workspace (see: rp data list)");
        }

        var workspace = Workspace.Resolve(parse.GetValue(common.Workspace));
        if (!File.Exists(workspace.DatabasePath))
        {
            throw new BadInputException($"no workspace database at {workspace.DatabasePath}; import bars first (rp data import) or use --data FILE");
        }

        using var db = ResearchDatabase.Open(workspace.DatabasePath);
        var store = new BarStore(db);
        if (store.Count(symbol, interval) == 0)
        {
            throw new BadInputException($"no bars stored for {symbol} {interval} (see: rp data list)");
        }

        return (store.Load(symbol, interval.Value), workspace.DatabasePath);
    }
}
