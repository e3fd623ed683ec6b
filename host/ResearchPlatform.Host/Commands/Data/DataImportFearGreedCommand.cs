using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Data.FearGreed;
using ResearchPlatform.Host.Cli;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Data;

/// <summary><c>rp data import-fear-greed FILE [--json]</c>: the alternative.me Crypto Fear &amp; Greed index.</summary>
internal static class DataImportFearGreedCommand
{
    public static Command Create(CommonOptions common)
    {
        var file = new Argument<string>("file") { Description = "alternative.me Fear & Greed CSV (or the API's JSON)" };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("import-fear-greed", "Import the daily Crypto Fear & Greed index (use a day's value only after that day closes)")
        {
            file, json,
        };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) => MapErrors(() =>
        {
            using var db = OpenDatabase(parse, common);
            var r = new FearGreedStore(db).ImportFile(parse.GetValue(file)!);
            var days = r.MissingDays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
            if (parse.GetValue(json))
            {
                output.WriteJson(new
                {
                    rows = r.Rows,
                    inserted = r.Inserted,
                    updated = r.Updated,
                    unchanged = r.Unchanged,
                    first = r.First?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    last = r.Last?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    missing_days = days,
                });
            }
            else
            {
                output.KeyValues(
                [
                    ("rows", N(r.Rows)),
                    ("inserted", N(r.Inserted)),
                    ("updated", N(r.Updated)),
                    ("unchanged", N(r.Unchanged)),
                    ("first", r.First?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"),
                    ("last", r.Last?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"),
                    ("missing days", days.Count == 0 ? "none" : $"{days.Count}: {string.Join(", ", days.Take(10))}{(days.Count > 10 ? ", ..." : string.Empty)}"),
                ]);
            }

            return Task.FromResult(ExitCodes.Ok);
        })));
        return cmd;
    }
}
