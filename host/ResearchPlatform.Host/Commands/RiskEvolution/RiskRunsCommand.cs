using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.RiskEvolution;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.RiskEvolution;

/// <summary><c>rp risk-runs list [--json]</c> and <c>rp risk-runs show RUN_ID [--json]</c>: stored risk-genome evolutions.</summary>
internal static class RiskRunsCommand
{
    public static Command Create(CommonOptions common) => new("risk-runs", "List and inspect stored risk-genome evolutions (rp evolve-risk)")
    {
        CreateList(common),
        CreateShow(common),
    };

    private static Command CreateList(CommonOptions common)
    {
        var json = CommonOptions.JsonOption();
        var cmd = new Command("list", "List the risk-genome evolutions of the workspace") { json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            using var db = Open(parse, common);
            var runs = new EvolutionRunStore(db, TimeProvider.System);
            var reader = new RunReader(db);
            var rows = new RiskEvolutionRunStore(db, TimeProvider.System).List().Select(r =>
            {
                var run = runs.Find(r.RunId);
                var gens = reader.Generations(r.RunId);
                double? best = gens.Count == 0 ? null : gens[^1].Stats.BestFitness;
                return new
                {
                    run_id = r.RunId,
                    status = run is null ? "missing" : EvolutionRunStore.Name(run.Status),
                    symbol = run?.Symbol,
                    interval = run?.Interval,
                    risk_definition = r.RiskDefinition,
                    strategies_from = r.StrategiesFrom,
                    strategies = r.Strategies.Count,
                    completed_generations = run?.CompletedGenerations ?? 0,
                    max_generations = run?.MaxGenerations ?? 0,
                    best_fitness = best,
                    baseline_fitness = r.Baseline?.Fitness,
                    created_at = r.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                };
            }).ToList();
            if (parse.GetValue(json))
            {
                output.WriteJson(new { runs = rows });
            }
            else
            {
                output.Table(
                    ["run", "status", "data", "risk genome", "strategies", "generations", "best fitness", "baseline", "created"],
                    rows.Select(r => (IReadOnlyList<string>)
                    [
                        r.run_id, r.status, $"{r.symbol} {r.interval}", r.risk_definition, $"{r.strategies} ({r.strategies_from})",
                        $"{r.completed_generations}/{r.max_generations}", Num(r.best_fitness), Num(r.baseline_fitness), r.created_at,
                    ]),
                    "risk-genome evolutions");
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static Command CreateShow(CommonOptions common)
    {
        var id = new Argument<string>("run-id") { Description = "The run id, e.g. evo-0002" };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("show", "Show a risk-genome evolution: generations, best genomes, strategies, baseline") { id, json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            using var db = Open(parse, common);
            var runId = parse.GetValue(id)!;
            var report = RiskRunReport.Load(db, runId) ?? throw new BadInputException($"no risk-genome run '{runId}' in this workspace (see: rp risk-runs list)");
            if (parse.GetValue(json))
            {
                output.WriteJson(report);
            }
            else
            {
                report.Print(output);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static string Num(double? v) => v is { } x ? x.ToString("F3", CultureInfo.InvariantCulture) : "-";

    private static ResearchDatabase Open(ParseResult parse, CommonOptions common) =>
        ResearchDatabase.Open(Workspace.Resolve(parse.GetValue(common.Workspace)).EnsureExists().DatabasePath);
}
