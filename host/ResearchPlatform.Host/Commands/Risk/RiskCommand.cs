using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Risk.Events;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Risk;

/// <summary>
/// <c>rp risk events [--kind K] [--source PREFIX] [--limit N] [--json]</c>: the stored risk events (breaker trips and
/// resets, level changes, rejected or resized orders, flattens) of paper sessions, <c>rp serve</c>, saved backtests and
/// risk-genome runs, newest first.
/// </summary>
internal static class RiskCommand
{
    public static Command Create(CommonOptions common) => new("risk", "Risk management records: stored risk events") { Events(common) };

    private static Command Events(CommonOptions common)
    {
        var kind = new Option<string?>("--kind") { Description = "Only this source kind: paper, serve, backtest, evolve-risk" };
        kind.AcceptOnlyFromAmong(RiskEventStore.Paper, RiskEventStore.Serve, RiskEventStore.Backtest, RiskEventStore.EvolveRisk);
        var source = new Option<string?>("--source") { Description = "Only sources whose id starts with this (a paper session id, a run id, ...)" };
        var limit = new Option<int>("--limit") { Description = "Rows to show (newest first)", DefaultValueFactory = _ => 100 };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("events", "List stored risk events, newest first: breaker trips/resets, level changes, rejected/resized orders") { kind, source, limit, json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            var n = parse.GetValue(limit);
            if (n < 1)
            {
                throw new BadInputException($"--limit: {n} must be >= 1");
            }

            var workspace = Workspace.Resolve(parse.GetValue(common.Workspace));
            var rows = File.Exists(workspace.DatabasePath) ? Load(workspace.DatabasePath, parse.GetValue(kind), parse.GetValue(source), n) : [];
            if (parse.GetValue(json))
            {
                output.WriteJson(rows);
                return Task.FromResult(ExitCodes.Ok);
            }

            output.Table(
                ["time", "source", "kind", "level", "breakers", "detail"],
                rows.Select(r => (IReadOnlyList<string>)
                [
                    r.Time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), $"{r.SourceKind} {r.SourceId}", r.Kind,
                    r.From == r.To ? r.To : $"{r.From} -> {r.To}", r.Breakers, r.Detail,
                ]),
                $"risk events ({rows.Count})");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static List<RiskEventRow> Load(string path, string? kind, string? source, int limit)
    {
        using var db = ResearchDatabase.Open(path);
        return [.. new RiskEventStore(db).Recent(kind, source, limit).Select(r => new RiskEventRow(
            r.SourceKind, r.SourceId, r.Event.Seq, r.Event.Time, r.Event.Bar, r.Event.Kind, r.Event.From, r.Event.To, r.Event.Breakers, r.Event.Detail))];
    }
}
