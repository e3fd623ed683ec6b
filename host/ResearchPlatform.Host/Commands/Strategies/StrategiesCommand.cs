using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Alerts;
using ResearchPlatform.Host.Commands.Decisions;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Host.Commands.Strategies;

/// <summary>
/// <c>rp strategies list|show|add|promote|retire|apply</c>: the strategy deployment life cycle (candidate -> backtested ->
/// paper -> approved -> live ramp -> retired) and its transitions.
/// </summary>
public static class StrategiesCommand
{
    public static Command Create(CommonOptions common)
    {
        return new Command("strategies", "Strategy deployment: list, show, add from a run, promote, retire, apply a decision")
        {
            List(common), Show(common), Add(common), Human(common, promote: true), Human(common, promote: false), Apply(common),
        };
    }

    private static Command List(CommonOptions common)
    {
        var json = CommonOptions.JsonOption();
        var stage = new Option<string?>("--stage") { Description = "Only this stage (candidate, backtested, paper, approved, live, retired)" };
        var cmd = new Command("list", "List managed strategies with stage, ramp and metrics") { json, stage };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            var filter = parse.GetValue(stage) is { } s ? ParseStage(s) : (DeploymentStage?)null;
            using var db = Open(parse, common);
            var rows = new DeploymentStore(db).List(filter);
            if (parse.GetValue(json))
            {
                output.WriteJson(rows.Select(StrategyView.From));
                return Task.FromResult(ExitCodes.Ok);
            }

            output.Table(["id", "seed", "stage", "ramp", "since", "backtest sharpe", "paper sharpe", "paper days", "live sharpe", "source"],
                rows.Select(r => (IReadOnlyList<string>)
                [
                    r.Id, r.SeedType, DeploymentStore.Name(r.Stage), r.RampStep == 0 ? "-" : r.RampStep.ToString(CultureInfo.InvariantCulture),
                    r.StageSince.ToString("u", CultureInfo.InvariantCulture), F(r.Backtest?.Sharpe), F(r.Paper?.Sharpe),
                    r.Paper?.Days.ToString(CultureInfo.InvariantCulture) ?? "-", F(r.Live?.Sharpe), r.Source,
                ]), "strategies");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static Command Show(CommonOptions common)
    {
        var id = new Argument<string>("id") { Description = "Strategy id" };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("show", "Show one strategy and every transition with its cause") { id, json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            using var db = Open(parse, common);
            var store = new DeploymentStore(db);
            var s = store.Get(parse.GetValue(id)!) ?? throw new BadInputException($"no strategy with id '{parse.GetValue(id)}'");
            var transitions = store.Transitions(s.Id);
            if (parse.GetValue(json))
            {
                output.WriteJson(new { Strategy = StrategyView.From(s), Transitions = transitions });
                return Task.FromResult(ExitCodes.Ok);
            }

            output.KeyValues(
            [
                ("id", s.Id), ("seed type", $"{s.SeedType} (plugin {s.PluginVersion})"), ("genes", s.GenesJson), ("source", s.Source),
                ("stage", DeploymentStore.Name(s.Stage)), ("ramp step", s.RampStep.ToString(CultureInfo.InvariantCulture)),
                ("backtest", Perf(s.Backtest)), ("paper", Perf(s.Paper)), ("live", Perf(s.Live)),
            ], "strategy " + s.Id);
            output.Table(["#", "at", "from", "to", "ramp", "actor", "decision", "reason"], transitions.Select(t => (IReadOnlyList<string>)
            [
                t.Sequence.ToString(CultureInfo.InvariantCulture), t.At.ToString("u", CultureInfo.InvariantCulture), DeploymentStore.Name(t.From),
                DeploymentStore.Name(t.To), t.RampStep.ToString(CultureInfo.InvariantCulture), t.Actor, t.DecisionId ?? "-", t.Reason,
            ]), "transitions");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static Command Add(CommonOptions common)
    {
        var run = new Option<string>("--run") { Description = "Evolution run id whose hall of fame supplies the candidates", Required = true };
        var top = new Option<int>("--top") { Description = "How many hall-of-fame entries", DefaultValueFactory = _ => 5 };
        var rules = RulesOption();
        var json = CommonOptions.JsonOption();
        var cmd = new Command("add", "Add candidates from an evolution run's hall of fame and record their out-of-sample backtest") { run, top, rules, json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            if (parse.GetValue(top) < 1)
            {
                throw new BadInputException("--top: must be at least 1");
            }

            using var db = Open(parse, common);
            var manager = Manager(db, parse.GetValue(rules));
            var runId = parse.GetValue(run)!;
            var added = HallOfFameCandidates.Add(db, manager, runId, parse.GetValue(top)).Select(StrategyView.From).ToList();

            if (parse.GetValue(json))
            {
                output.WriteJson(added);
            }
            else
            {
                output.Table(["id", "seed", "stage", "backtest sharpe"], added.Select(a => (IReadOnlyList<string>)[a.Id, a.SeedType, a.Stage, F(a.Backtest?.Sharpe)]),
                    $"candidates from run {runId}");
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static Command Human(CommonOptions common, bool promote)
    {
        var id = new Argument<string>("id") { Description = "Strategy id" };
        var reason = new Option<string>("--reason") { Description = "Why (stored with the transition)", Required = true };
        var json = CommonOptions.JsonOption();
        var cmd = new Command(promote ? "promote" : "retire", promote ? "Move a strategy one stage forward (a human decision)" : "Retire a strategy (a human decision)")
        {
            id, reason, json,
        };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            using var db = Open(parse, common);
            var manager = new StrategyDeploymentManager(new DeploymentStore(db), new DeploymentPolicy());
            var t = Guard(() => promote ? manager.Promote(parse.GetValue(id)!, parse.GetValue(reason)!) : manager.Retire(parse.GetValue(id)!, parse.GetValue(reason)!));
            Report(output, parse.GetValue(json), [t], []);
            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static Command Apply(CommonOptions common)
    {
        var id = new Argument<string>("decision-id") { Description = "A stored decision (executed automatically or approved by a human)" };
        var rules = RulesOption();
        var json = CommonOptions.JsonOption();
        var noAlerts = CliAlerting.NoAlertsOption();
        var cmd = new Command("apply", "Apply a stored approval, retirement or pool-sizing decision to the strategies (each transition raises a DECISION alert)") { id, rules, json, noAlerts };
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, _) =>
        {
            using var db = Open(parse, common);
            await using var alerts = CliAlerting.Open(parse, common, noAlerts, db);
            var d = new DecisionStore(db).Get(parse.GetValue(id)!) ?? throw new BadInputException($"no decision with id '{parse.GetValue(id)}'");
            var result = d.ToResult();
            var executed = d.Status is "auto_executed" or "executed_flagged" or "approved";
            var outcome = Guard(() => Manager(db, parse.GetValue(rules)).ApplyDecision(d.Id, result, executed));
            foreach (var t in outcome.Transitions)
            {
                alerts.Publish(StrategyAlerts.Transition(t, d.Id));
            }

            Report(output, parse.GetValue(json), outcome.Transitions, outcome.Skipped);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static void Report(CliOutput output, bool json, IReadOnlyList<StrategyTransition> transitions, IReadOnlyList<string> skipped)
    {
        if (json)
        {
            output.WriteJson(new { Transitions = transitions, Skipped = skipped });
            return;
        }

        foreach (var t in transitions)
        {
            output.Line($"{t.StrategyId}: {DeploymentStore.Name(t.From)} -> {DeploymentStore.Name(t.To)}{(t.RampStep > 0 ? $" (ramp {t.RampStep})" : string.Empty)}: {t.Reason}");
        }

        foreach (var s in skipped)
        {
            output.Line("not applied: " + s);
        }

        if (transitions.Count == 0 && skipped.Count == 0)
        {
            output.Line("no change");
        }
    }

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DeploymentException ex)
        {
            throw new BadInputException(ex.Message);
        }
    }

    private static StrategyDeploymentManager Manager(ResearchDatabase db, string? rules)
    {
        var thresholds = ThresholdsFile.Load(Path.Combine(RulesLocator.Resolve(rules), RuleFiles.ThresholdsFileName));
        return new StrategyDeploymentManager(new DeploymentStore(db), DeploymentPolicy.From(thresholds));
    }

    private static Option<string?> RulesOption() => new("--rules") { Description = "Rules folder whose thresholds.json sets the gates (default ./rules, else the shipped rules)" };

    private static DeploymentStage ParseStage(string s) => Guard(() => DeploymentStore.Parse(s));

    private static string F(double? v) => v is { } d ? d.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Perf(StrategyPerformance? p) => p is null
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"Sharpe {p.Sharpe:0.00}, return {p.TotalReturn * 100:0.0}%, max drawdown {p.MaxDrawdown * 100:0.0}%, {p.Days} days");

    private static ResearchDatabase Open(ParseResult parse, CommonOptions common) =>
        ResearchDatabase.Open(Workspace.Resolve(parse.GetValue(common.Workspace)).EnsureExists().DatabasePath);
}
