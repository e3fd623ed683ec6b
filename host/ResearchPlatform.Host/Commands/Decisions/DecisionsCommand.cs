using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Decisions;

/// <summary><c>rp decisions list|show ID|approve ID|reject ID</c>: the decision history and human verdicts.</summary>
public static class DecisionsCommand
{
    public static Command Create(CommonOptions common)
    {
        var json = CommonOptions.JsonOption();
        var pending = new Option<bool>("--pending") { Description = "Only decisions awaiting a verdict (queued or flagged)" };
        var limit = new Option<int>("--limit") { Description = "Rows to show", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "List stored decisions, newest first") { json, pending, limit };
        list.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            using var db = Open(parse, common);
            var rows = new DecisionStore(db).List(parse.GetValue(limit), parse.GetValue(pending));
            if (parse.GetValue(json))
            {
                output.WriteJson(rows);
            }
            else
            {
                output.Table(["id", "at", "type", "decision", "confidence", "status", "rule"], rows.Select(d => (IReadOnlyList<string>)
                [
                    d.Id, d.CreatedAt.ToString("u", CultureInfo.InvariantCulture), d.Type, d.Summary,
                    d.Confidence.ToString("0.###", CultureInfo.InvariantCulture), d.Status, d.RuleHash,
                ]), "decisions");
            }

            return Task.FromResult(ExitCodes.Ok);
        }));

        return new Command("decisions", "Decision history: list, show, approve or reject")
        {
            list, Show(common), Verdict(common, approve: true), Verdict(common, approve: false),
        };
    }

    private static Command Show(CommonOptions common)
    {
        var id = new Argument<string>("id") { Description = "Decision id" };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("show", "Show one decision") { id, json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            using var db = Open(parse, common);
            var d = new DecisionStore(db).Get(parse.GetValue(id)!) ?? throw new BadInputException($"no decision with id '{parse.GetValue(id)}'");
            if (parse.GetValue(json))
            {
                output.WriteJson(d);
            }
            else
            {
                output.KeyValues(
                [
                    ("id", d.Id), ("type", d.Type), ("decision", d.Summary), ("value", d.ValueJson),
                    ("confidence", d.Confidence.ToString("0.###", CultureInfo.InvariantCulture)), ("urgency", d.Urgency),
                    ("status", d.Status), ("routing", d.Routing), ("reasoning", d.Reasoning), ("thresholds", d.ThresholdsJson),
                    ("inputs", d.InputsJson), ("rule", $"{d.RuleFile} ({d.RuleHash})"), ("error", d.Error ?? "-"), ("verdict_note", d.VerdictNote ?? "-"),
                ], "decision " + d.Id);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static Command Verdict(CommonOptions common, bool approve)
    {
        var id = new Argument<string>("id") { Description = "Decision id" };
        var note = new Option<string?>("--note") { Description = "Why" };
        var json = CommonOptions.JsonOption();
        var cmd = new Command(approve ? "approve" : "reject", approve ? "Approve a queued or flagged decision" : "Reject a queued or flagged decision") { id, note, json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            using var db = Open(parse, common);
            var store = new DecisionStore(db);
            if (store.SetVerdict(parse.GetValue(id)!, approve, parse.GetValue(note)) is { } problem)
            {
                throw new BadInputException(problem);
            }

            var d = store.Get(parse.GetValue(id)!)!;
            if (parse.GetValue(json))
            {
                output.WriteJson(new { d.Id, d.Status, d.VerdictAt, d.VerdictNote });
            }
            else
            {
                output.Line($"{d.Id}: {d.Status}");
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static ResearchDatabase Open(ParseResult parse, CommonOptions common) =>
        ResearchDatabase.Open(Workspace.Resolve(parse.GetValue(common.Workspace)).EnsureExists().DatabasePath);
}
