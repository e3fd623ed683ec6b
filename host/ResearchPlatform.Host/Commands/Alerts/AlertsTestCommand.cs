using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Commands.Alerts;

/// <summary>
/// <c>rp alerts test --channel NAME [--level L]</c>: sends one test alert through one configured channel (from
/// <c>alerts.json</c>, or the defaults <c>console</c> and <c>file</c>) with the channel's real retry policy, waits for
/// the outcome and reports it. Exit 0 delivered, 1 not delivered, 2 unknown channel or bad configuration.
/// </summary>
public static class AlertsTestCommand
{
    public static Command Create(CommonOptions common)
    {
        var channel = new Option<string>("--channel") { Description = "Channel name from alerts.json (defaults: console, file)", Required = true };
        var level = new Option<string>("--level") { Description = "Level of the test alert", DefaultValueFactory = _ => "informational" };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("test", "Send a test alert through one channel and report the delivery") { channel, level, json };
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var ws = Workspace.Resolve(parse.GetValue(common.Workspace)).EnsureExists();
            var lvl = AlertsCommand.ParseLevel(parse.GetValue(level)) ?? AlertLevel.Informational;
            AlertsConfig config;
            try
            {
                config = AlertingSetup.Load(ws.Root);
            }
            catch (AlertsConfigException ex)
            {
                throw new BadInputException(ex.Message);
            }

            var name = parse.GetValue(channel)!;
            var chosen = config.Channels.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new BadInputException($"no channel named '{name}' (configured: {string.Join(", ", config.Channels.Select(c => c.Name))})");
            var single = config with
            {
                Channels = [chosen with { Enabled = true, EscalationOnly = false, MinLevel = AlertLevel.Informational }],
                Escalation = [],
                ResendOnStart = false,
            };
            using var db = AlertsCommand.Open(parse, common);
            using var http = new HttpClient();
            var clock = TimeProvider.System;
            StoredAlert stored;
            await using (var service = Build(single, db, http))
            {
                var now = clock.GetUtcNow();
                var id = service.PublishAndGetId(new Alert(lvl, AlertCategory.System, "test:" + chosen.Name + ":" + now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    $"Test alert for channel {chosen.Name}", $"Sent by `rp alerts test --channel {chosen.Name}`.", "rp_cli",
                    new Dictionary<string, string> { ["channel"] = chosen.Name, ["type"] = chosen.Type.ToString().ToLowerInvariant() }, now));
                var budget = TimeSpan.FromTicks((chosen.Timeout + chosen.Retry.MaxDelay).Ticks * chosen.Retry.MaxAttempts) + TimeSpan.FromSeconds(5);
                await service.FlushAsync(budget, ct);
                stored = service.Get(id)!;
            }

            var d = stored.Deliveries.Count > 0 ? stored.Deliveries[0] : null;
            var status = d?.Status ?? "queued";
            if (parse.GetValue(json))
            {
                output.WriteJson(new
                {
                    AlertId = stored.Id, Channel = chosen.Name, Type = chosen.Type.ToString().ToLowerInvariant(), Level = AlertLevels.Name(lvl),
                    Status = status, Attempts = d?.Attempts ?? 0, LastError = d?.LastError, chosen.Path,
                });
            }
            else
            {
                output.KeyValues(
                [
                    ("alert", stored.Id), ("channel", $"{chosen.Name} ({chosen.Type.ToString().ToLowerInvariant()})"), ("status", status),
                    ("attempts", (d?.Attempts ?? 0).ToString(CultureInfo.InvariantCulture)), ("error", d?.LastError ?? "-"), ("file", chosen.Path ?? "-"),
                ], "alerts test");
            }

            return status == "delivered" ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return cmd;
    }

    private static AlertService Build(AlertsConfig config, Engine.Storage.ResearchDatabase db, HttpClient http)
    {
        try
        {
            return AlertingSetup.Create(config, db, http);
        }
        catch (AlertsConfigException ex)
        {
            throw new BadInputException(ex.Message);
        }
    }
}
