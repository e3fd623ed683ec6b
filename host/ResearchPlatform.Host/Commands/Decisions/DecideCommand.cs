using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Alerts;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Host.Commands.Decisions;

/// <summary><c>rp decide TYPE --context FILE.json</c>: evaluates one decision, routes it and stores it in the workspace.</summary>
public static class DecideCommand
{
    internal static readonly JsonSerializerOptions ContextJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Command Create(CommonOptions common)
    {
        var type = new Argument<string>("type") { Description = "Decision type, e.g. STRATEGY_POOL_SIZING or risk_adjustment" };
        var context = new Option<string>("--context") { Description = "Decision context JSON (capital, strategies, regime, risk, ...)", Required = true };
        var rules = RulesCommand.RulesOption();
        var json = CommonOptions.JsonOption();
        var noAlerts = CliAlerting.NoAlertsOption();
        var cmd = new Command("decide", "Evaluate one decision with the rules, route it by confidence and store it (a decision queued for a human raises a DECISION alert)") { type, context, rules, json, noAlerts };
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            if (!RuleFiles.TryParse(parse.GetValue(type)!, out var decisionType))
            {
                throw new BadInputException($"unknown decision type '{parse.GetValue(type)}' (one of: {string.Join(", ", Enum.GetValues<DecisionType>().Select(t => RuleFiles.SnakeName(t).ToUpperInvariant()))})");
            }

            var ctx = ReadContext(parse.GetValue(context)!);
            using var set = new RuleSet(RulesLocator.Resolve(parse.GetValue(rules)));
            foreach (var e in set.LoadAll(ct).Where(e => !e.Succeeded))
            {
                output.Warn(string.Join("; ", e.Errors));
            }

            using var db = ResearchDatabase.Open(Workspace.Resolve(parse.GetValue(common.Workspace)).EnsureExists().DatabasePath);
            await using var alerts = CliAlerting.Open(parse, common, noAlerts, db);
            var engine = new DecisionEngine(set) { Alerts = alerts.Publisher };
            var store = new DecisionStore(db);
            ctx = ctx with { AsOf = ctx.AsOf == default ? TimeProvider.System.GetUtcNow() : ctx.AsOf };
            if (ctx.RecentDecisions.Count == 0)
            {
                // the context file gave none: the rule sees the workspace's decision history up to the context's time
                ctx = ctx with { RecentDecisions = store.Recent(ctx.AsOf) };
            }

            var record = engine.Decide(decisionType, ctx, ct);
            store.Save(record);

            Print(output, parse.GetValue(json), record);
            return record.Result.Error is null ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return cmd;
    }

    private static DecisionContext ReadContext(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"--context: file not found: {path}");
        }

        try
        {
            return JsonSerializer.Deserialize<DecisionContext>(File.ReadAllText(path), ContextJson) ?? throw new BadInputException($"{path}: empty context");
        }
        catch (JsonException ex)
        {
            throw new BadInputException($"{path}:{(ex.LineNumber ?? 0) + 1}: invalid context: {ex.Message}");
        }
    }

    private static void Print(CliOutput output, bool json, DecisionRecord rec)
    {
        var r = rec.Result;
        if (json)
        {
            output.WriteJson(new
            {
                rec.Id, Type = RuleFiles.SnakeName(r.Type).ToUpperInvariant(), r.Value, Summary = r.Value.Summary(), r.Confidence, r.Reasoning,
                Urgency = r.Urgency.ToString().ToUpperInvariant(), Routing = DecisionStore.InitialStatus(rec.Routing), r.RequiresHumanReview,
                r.ThresholdsUsed, r.Inputs, r.RuleFile, r.RuleHash, r.Error, rec.FromCache,
            });
            return;
        }

        output.KeyValues(
        [
            ("id", rec.Id), ("decision", r.Value.Summary()), ("confidence", r.Confidence.ToString("0.###", CultureInfo.InvariantCulture)),
            ("urgency", r.Urgency.ToString().ToUpperInvariant()), ("routing", DecisionStore.InitialStatus(rec.Routing)),
            ("requires_human_review", r.RequiresHumanReview ? "yes" : "no"), ("reasoning", r.Reasoning),
            ("thresholds", string.Join(", ", r.ThresholdsUsed.Select(p => p.Key + "=" + p.Value.ToString(CultureInfo.InvariantCulture)))),
            ("rule", $"{r.RuleFile} ({r.RuleHash})"), ("error", r.Error ?? "-"),
        ], RuleFiles.SnakeName(r.Type).ToUpperInvariant());
    }
}
