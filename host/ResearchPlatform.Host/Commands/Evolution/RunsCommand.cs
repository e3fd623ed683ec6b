using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary><c>rp runs list [--json]</c> and <c>rp runs show RUN_ID [--json]</c>: stored evolution runs.</summary>
internal static class RunsCommand
{
    public static Command Create(CommonOptions common) => new("runs", "List and inspect stored evolution runs")
    {
        CreateList(common),
        CreateShow(common),
    };

    private static Command CreateList(CommonOptions common)
    {
        var json = CommonOptions.JsonOption();
        var cmd = new Command("list", "List the evolution runs of the workspace") { json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            using var db = Open(parse, common);
            var reader = new RunReader(db);
            var rows = new EvolutionRunStore(db, TimeProvider.System).List()
                .Select(r => new RunListRow(
                    r.RunId, EvolutionRunStore.Name(r.Status), r.Symbol, r.Interval, r.Population, r.CompletedGenerations, r.MaxGenerations,
                    LastBest(reader, r.RunId), r.DeflatedSharpe?.Deflated,
                    r.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)))
                .ToList();
            if (parse.GetValue(json))
            {
                output.WriteJson(new { runs = rows });
            }
            else
            {
                output.Table(
                    ["run", "status", "symbol", "interval", "population", "generations", "best fitness", "deflated sharpe", "created"],
                    rows.Select(r => (IReadOnlyList<string>)
                    [
                        r.RunId, r.Status, r.Symbol, r.Interval, r.Population.ToString(CultureInfo.InvariantCulture),
                        $"{r.CompletedGenerations}/{r.MaxGenerations}", r.BestFitness?.ToString("F3", CultureInfo.InvariantCulture) ?? "-",
                        r.DeflatedSharpe?.ToString("F3", CultureInfo.InvariantCulture) ?? "-", r.CreatedAt,
                    ]),
                    "evolution runs");
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static Command CreateShow(CommonOptions common)
    {
        var id = new Argument<string>("run-id") { Description = "The run id, e.g. evo-0001" };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("show", "Show a run: generations, hall of fame with in-sample, out-of-sample and hold-out metrics") { id, json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            using var db = Open(parse, common);
            var runId = parse.GetValue(id)!;
            var report = RunReport.Load(db, runId) ?? throw new BadInputException($"no evolution run '{runId}' in this workspace (see: rp runs list)");
            if (parse.GetValue(json))
            {
                output.WriteJson(report);
            }
            else
            {
                RunReportPrinter.Print(output, report);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static double? LastBest(RunReader reader, string runId)
    {
        var generations = reader.Generations(runId);
        return generations.Count == 0 ? null : generations[^1].Stats.BestFitness;
    }

    private static ResearchDatabase Open(ParseResult parse, CommonOptions common) =>
        ResearchDatabase.Open(Workspace.Resolve(parse.GetValue(common.Workspace)).EnsureExists().DatabasePath);
}
