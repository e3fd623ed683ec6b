using System.CommandLine;
using System.Diagnostics;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Host.Cli;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Data;

/// <summary><c>rp data import FILE [--symbol S] [--interval I] [--format F] [--json]</c>.</summary>
internal static class DataImportCommand
{
    private const int GapsShown = 5;

    public static Command Create(CommonOptions common)
    {
        var file = new Argument<string>("file") { Description = "Market-data file (freqtrade .json[.gz], Binance kline .csv[.zip], OHLCV .csv, .parquet)" };
        var symbol = new Option<string?>("--symbol") { Description = "Symbol, e.g. BTC/USDT (default: from the file, e.g. BTC_USDT-1h.json -> BTC/USDT)" };
        var interval = new Option<string?>("--interval") { Description = "Bar interval, e.g. 1m, 15m, 1h, 1d (default: inferred from the bars' spacing)" };
        var format = new Option<string>("--format") { Description = "File format", DefaultValueFactory = _ => "auto" }
            .AcceptOnlyFromAmong("auto", "freqtrade", "binance", "csv", "parquet");
        var json = CommonOptions.JsonOption();
        var cmd = new Command("import", "Validate a market-data file and upsert its bars into the workspace (all or nothing)")
        {
            file, symbol, interval, format, json,
        };
        cmd.SetAction(CommandRunner.Wrap((parse, output, ct) => MapErrors(() =>
        {
            var path = parse.GetValue(file)!;
            var iv = ParseInterval(parse.GetValue(interval), "--interval");
            var fmt = Enum.Parse<BarFileFormat>(parse.GetValue(format)!, ignoreCase: true);
            output.Info($"reading {path} ...");
            var sw = Stopwatch.StartNew();
            var read = BarFileReader.Read(path, fmt, parse.GetValue(symbol), iv, ct);
            output.Info($"validated {read.Series.Count:N0} {read.Series.Symbol} {read.Series.Interval} bars ({read.Format.ToString().ToLowerInvariant()}) in {sw.ElapsedMilliseconds:N0} ms; writing ...");
            using var db = OpenDatabase(parse, common);
            var result = new BarStore(db).Import(read, ct);
            sw.Stop();
            if (parse.GetValue(json))
            {
                output.WriteJson(ToJson(result, sw.ElapsedMilliseconds));
            }
            else
            {
                WriteHuman(output, result, sw.ElapsedMilliseconds);
            }

            return Task.FromResult(ExitCodes.Ok);
        })));
        return cmd;
    }

    private static ImportJson ToJson(BarImportResult r, long elapsedMs) => new(
        r.Symbol,
        r.Interval.Code,
        r.Rows,
        r.Inserted,
        r.Updated,
        r.Unchanged,
        Iso(r.First),
        Iso(r.Last),
        r.Gaps.Gaps.Select(DataCommandSupport.ToJson).ToList(),
        r.Gaps.Count,
        r.Gaps.MissingBars,
        r.Gaps.Longest is { } g ? DataCommandSupport.ToJson(g) : null,
        r.Format?.ToString().ToLowerInvariant(),
        r.Source,
        r.SymbolInferred,
        r.IntervalInferred,
        r.DuplicatesDropped,
        elapsedMs);

    private static void WriteHuman(CliOutput output, BarImportResult r, long elapsedMs)
    {
        var longest = r.Gaps.Longest is { } g ? $"{N(g.MissingBars)} bars ({Iso(g.From)} .. {Iso(g.To)})" : "-";
        output.KeyValues(
        [
            ("symbol", r.Symbol + (r.SymbolInferred ? " (from file)" : string.Empty)),
            ("interval", r.Interval.Code + (r.IntervalInferred ? " (inferred)" : string.Empty)),
            ("format", r.Format?.ToString().ToLowerInvariant() ?? "-"),
            ("rows", N(r.Rows)),
            ("inserted", N(r.Inserted)),
            ("updated", N(r.Updated)),
            ("unchanged", N(r.Unchanged)),
            ("first", Iso(r.First) ?? "-"),
            ("last", Iso(r.Last) ?? "-"),
            ("gaps", $"{N(r.Gaps.Count)} ({N(r.Gaps.MissingBars)} missing bars)"),
            ("longest gap", longest),
            ("duplicates dropped", N(r.DuplicatesDropped)),
            ("elapsed", $"{N(elapsedMs)} ms"),
        ]);
        if (r.Gaps.Count > 0)
        {
            output.Line();
            output.Table(
                ["from", "to (exclusive)", "missing bars"],
                r.Gaps.Gaps.Take(GapsShown).Select(x => (IReadOnlyList<string>)[Iso(x.From), Iso(x.To), N(x.MissingBars)]),
                r.Gaps.Count > GapsShown ? $"first {GapsShown} of {r.Gaps.Count} gaps (never filled)" : "gaps (never filled)");
        }
    }

    private sealed record ImportJson(
        string Symbol,
        string Interval,
        int Rows,
        int Inserted,
        int Updated,
        int Unchanged,
        string? First,
        string? Last,
        IReadOnlyList<DataCommandSupport.GapJson> Gaps,
        int GapCount,
        long MissingBars,
        DataCommandSupport.GapJson? LongestGap,
        string? Format,
        string Source,
        bool SymbolInferred,
        bool IntervalInferred,
        int DuplicatesDropped,
        long ElapsedMs);
}
