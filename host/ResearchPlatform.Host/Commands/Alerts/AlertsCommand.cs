using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Commands.Alerts;

/// <summary><c>rp alerts list|ack ID|resolve ID|test --channel NAME</c>: alert history, acknowledgement and channel checks.</summary>
public static class AlertsCommand
{
    public static Command Create(CommonOptions common) => new("alerts", "Alert history: list, acknowledge, resolve, send a test alert")
    {
        List(common), Ack(common), Resolve(common), AlertsTestCommand.Create(common),
    };

    private static Command List(CommonOptions common)
    {
        var json = CommonOptions.JsonOption();
        var level = new Option<string?>("--level") { Description = "Only alerts at or above this level (informational, warning, critical, emergency)" };
        var category = new Option<string?>("--category") { Description = "Only this category (performance, system, trading, genetic, decision)" };
        var unacked = new Option<bool>("--unacked") { Description = "Only alerts nobody acknowledged yet" };
        var limit = new Option<int>("--limit") { Description = "Rows to show", DefaultValueFactory = _ => 50 };
        var cmd = new Command("list", "List stored alerts, newest first, with their delivery state per channel") { json, level, category, unacked, limit };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            var filter = new AlertFilter(ParseLevel(parse.GetValue(level)), ParseCategory(parse.GetValue(category)), parse.GetValue(unacked), Math.Max(1, parse.GetValue(limit)));
            using var db = Open(parse, common);
            var rows = new AlertStore(db).List(filter);
            if (parse.GetValue(json))
            {
                output.WriteJson(rows);
                return Task.FromResult(ExitCodes.Ok);
            }

            output.Table(["id", "created", "level", "category", "component", "title", "count", "acked", "deliveries"], rows.Select(a => (IReadOnlyList<string>)
            [
                a.Id, a.CreatedAt.ToString("u", CultureInfo.InvariantCulture), AlertLevels.Name(a.Level), AlertLevels.Name(a.Category), a.Component, a.Title,
                a.Count.ToString(CultureInfo.InvariantCulture), a.ResolvedAt is not null ? "resolved" : a.AcknowledgedBy ?? "-", Deliveries(a),
            ]), "alerts");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static Command Ack(CommonOptions common)
    {
        var id = new Argument<string>("id") { Description = "Alert id (from rp alerts list)" };
        var by = new Option<string?>("--by") { Description = "Who acknowledges (default: the OS user)" };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("ack", "Acknowledge an alert (stops its escalation)") { id, by, json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            using var db = Open(parse, common);
            var store = new AlertStore(db);
            var who = parse.GetValue(by) ?? Environment.UserName;
            var clock = TimeProvider.System;
            if (store.Acknowledge(parse.GetValue(id)!, who, clock.GetUtcNow()) is { } problem)
            {
                throw new BadInputException(problem);
            }

            var a = store.Get(parse.GetValue(id)!)!;
            if (parse.GetValue(json))
            {
                output.WriteJson(new { a.Id, a.AcknowledgedAt, a.AcknowledgedBy });
            }
            else
            {
                output.Line($"{a.Id}: acknowledged by {a.AcknowledgedBy}");
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static Command Resolve(CommonOptions common)
    {
        var id = new Argument<string>("id") { Description = "Alert id" };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("resolve", "Mark an alert resolved (acknowledges it too)") { id, json };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            using var db = Open(parse, common);
            var store = new AlertStore(db);
            if (store.Resolve(parse.GetValue(id)!, TimeProvider.System.GetUtcNow()) is { } problem)
            {
                throw new BadInputException(problem);
            }

            var a = store.Get(parse.GetValue(id)!)!;
            if (parse.GetValue(json))
            {
                output.WriteJson(new { a.Id, a.ResolvedAt });
            }
            else
            {
                output.Line($"{a.Id}: resolved");
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    internal static string Deliveries(StoredAlert a) => a.Deliveries.Count == 0 ? "-" : string.Join(" ", a.Deliveries.Select(d =>
        $"{d.Channel}{(d.Stage > 0 ? "#" + d.Stage.ToString(CultureInfo.InvariantCulture) : string.Empty)}:{d.Status}{(d.Status == "delivered" ? string.Empty : "(" + d.Attempts.ToString(CultureInfo.InvariantCulture) + ")")}"));

    internal static AlertLevel? ParseLevel(string? text) => text is null ? null
        : AlertLevels.TryParse(text, out var l) ? l
        : throw new BadInputException($"--level '{text}' is not one of informational, warning, critical, emergency");

    private static AlertCategory? ParseCategory(string? text) => text is null ? null
        : AlertLevels.TryParseCategory(text, out var c) ? c
        : throw new BadInputException($"--category '{text}' is not one of performance, system, trading, genetic, decision");

    internal static ResearchDatabase Open(ParseResult parse, CommonOptions common) =>
        ResearchDatabase.Open(Workspace.Resolve(parse.GetValue(common.Workspace)).EnsureExists().DatabasePath);
}
