using System.CommandLine;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Host.Cli;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Data;

/// <summary><c>rp data export --symbol S --interval I --format parquet|arrow|csv --out PATH [--resample I]</c>.</summary>
internal static class DataExportCommand
{
    public static Command Create(CommonOptions common)
    {
        var symbol = new Option<string>("--symbol") { Description = "Stored symbol, e.g. BTC/USDT", Required = true };
        var interval = new Option<string>("--interval") { Description = "Stored interval, e.g. 1h", Required = true };
        var format = new Option<string?>("--format") { Description = "parquet, arrow (Arrow IPC file) or csv (default: from the --out extension)" }
            .AcceptOnlyFromAmong("parquet", "arrow", "csv");
        var output = new Option<string>("--out") { Description = "File to write (replaced atomically)", Required = true };
        var resample = new Option<string?>("--resample") { Description = "Aggregate to a coarser interval first, e.g. 1d (complete buckets only)" };
        var partial = new Option<bool>("--include-partial") { Description = "With --resample: keep incomplete buckets instead of dropping them" };
        var from = new Option<string?>("--from") { Description = "First open time to export (ISO-8601, UTC)" };
        var to = new Option<string?>("--to") { Description = "Export bars opening before this time (ISO-8601, UTC)" };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("export", "Export stored bars to Parquet, Arrow IPC or CSV (optionally resampled)")
        {
            symbol, interval, format, output, resample, partial, from, to, json,
        };
        cmd.SetAction(CommandRunner.Wrap((parse, cli, ct) => MapErrors(async () =>
        {
            var sym = parse.GetValue(symbol)!;
            var iv = ParseInterval(parse.GetValue(interval), "--interval")!.Value;
            var outPath = parse.GetValue(output)!;
            var fmt = ResolveFormat(parse.GetValue(format), outPath);
            var target = ParseInterval(parse.GetValue(resample), "--resample");
            var policy = parse.GetValue(partial) ? PartialBucketPolicy.Include : PartialBucketPolicy.Drop;
            using var db = OpenDatabase(parse, common);
            var store = new BarStore(db);
            if (store.Count(sym, iv) == 0)
            {
                throw new BadInputException($"no bars stored for {sym} {iv} (see: rp data list)");
            }

            var r = await store.ExportAsync(sym, iv, fmt, outPath, target, policy,
                ParseTime(parse.GetValue(from), "--from"), ParseTime(parse.GetValue(to), "--to"), ct);
            WriteResult(cli, r, target is null ? null : policy, parse.GetValue(json));
            return ExitCodes.Ok;
        })));
        return cmd;
    }

    private static void WriteResult(CliOutput cli, BarExportResult r, PartialBucketPolicy? policy, bool json)
    {
        var policyText = policy?.ToString().ToLowerInvariant();
        if (json)
        {
            cli.WriteJson(new
            {
                path = r.FilePath,
                format = r.Format.ToString().ToLowerInvariant(),
                symbol = r.Symbol,
                interval = r.Interval,
                rows = r.Rows,
                bytes = r.Bytes,
                partial_buckets = r.PartialBuckets.Count,
                partial_policy = policyText,
            });
            return;
        }

        cli.KeyValues(
        [
            ("path", r.FilePath),
            ("format", r.Format.ToString().ToLowerInvariant()),
            ("symbol", r.Symbol),
            ("interval", r.Interval),
            ("rows", N(r.Rows)),
            ("bytes", N(r.Bytes)),
            ("partial buckets", policyText is null ? "-" : $"{N(r.PartialBuckets.Count)} ({policyText})"),
        ]);
    }

    private static BarExportFormat ResolveFormat(string? format, string outPath)
    {
        if (format is not null)
        {
            return Enum.Parse<BarExportFormat>(format, ignoreCase: true);
        }

        return Path.GetExtension(outPath).ToLowerInvariant() switch
        {
            ".parquet" => BarExportFormat.Parquet,
            ".arrow" or ".feather" or ".ipc" => BarExportFormat.Arrow,
            ".csv" => BarExportFormat.Csv,
            _ => throw new BadInputException($"--format is required: cannot tell the format from '{outPath}' (use .parquet, .arrow or .csv)"),
        };
    }
}
