using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary><c>rp bench alerts</c>: how fast a burst of alerts is stored in the history and how far the history lags.</summary>
public static class AlertsBenchCommand
{
    public static Command Create()
    {
        var json = CommonOptions.JsonOption();
        var alerts = new Option<int>("--alerts") { Description = "Distinct alerts published in one tight loop", DefaultValueFactory = _ => 5_000 };
        var capacity = new Option<int>("--queue-capacity") { Description = "History queue capacity (alerts below CRITICAL beyond it are dropped and counted)", DefaultValueFactory = _ => 10_000 };
        var noChannel = new Option<bool>("--no-channel") { Description = "History only: no FILE channel (its delivery records share the database)" };
        var cmd = new Command("alerts", "Publish a burst of alerts and time their storage in the history: alerts/s stored, lag p50/p99, time until complete")
        {
            json, alerts, capacity, noChannel,
        };
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var n = parse.GetValue(alerts);
            if (n is < 100 or > 500_000)
            {
                throw new BadInputException($"--alerts must be between 100 and 500,000 (got {n.ToString(CultureInfo.InvariantCulture)})");
            }

            var cap = parse.GetValue(capacity);
            if (cap < 1)
            {
                throw new BadInputException($"--queue-capacity must be at least 1 (got {cap.ToString(CultureInfo.InvariantCulture)})");
            }

            var r = await AlertBenchmark.RunAsync(n, cap, !parse.GetValue(noChannel), output.Info, ct);
            if (parse.GetValue(json))
            {
                output.WriteJson(r);
                return ExitCodes.Ok;
            }

            output.Table(
                ["figure", "value"],
                [
                    ["alerts published (1 in 10 CRITICAL)", $"{r.Alerts:N0} in {F(r.PublishMs)} ms"],
                    ["stored / rows in alerts / dropped", $"{r.Stored:N0} / {r.StoredRows:N0} / {r.Dropped:N0}"],
                    ["history complete after", $"{F(r.StoredCompleteMs)} ms"],
                    ["alerts stored per second", $"{r.AlertsStoredPerSecond:N0}"],
                    ["lag publish -> stored p50 / p99 / max", $"{F(r.LagP50Ms)} / {F(r.LagP99Ms)} / {F(r.LagMaxMs)} ms"],
                    ["most alerts waiting at once", $"{r.MaxQueued:N0} (capacity {r.QueueCapacity:N0})"],
                    ["transactions (batches)", $"{r.Batches:N0}"],
                    ["FILE channel", r.FileChannel ? "yes" : "no"],
                    ["machine", $"{r.ProcessorCount} CPUs"],
                ],
                "bench alerts");
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static string F(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
}
