using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary><c>rp bench monitoring</c>: what one monitoring snapshot costs (target: mean under 1 ms).</summary>
public static class MonitoringBenchCommand
{
    public static Command Create()
    {
        var json = CommonOptions.JsonOption();
        var iterations = new Option<int>("--iterations") { Description = "Timed calls per operation", DefaultValueFactory = _ => 10_000 };
        var cmd = new Command("monitoring", "Time a monitoring snapshot (target mean < 1 ms), a full tick and the Prometheus rendering") { json, iterations };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            var n = parse.GetValue(iterations);
            if (n < 100)
            {
                throw new BadInputException($"--iterations must be at least 100 (got {n.ToString(CultureInfo.InvariantCulture)})");
            }

            output.Info($"timing monitoring snapshots: {n.ToString(CultureInfo.InvariantCulture)} calls each ...");
            var stats = MonitoringBenchmark.Run(n, Directory.GetCurrentDirectory());
            if (parse.GetValue(json))
            {
                output.WriteJson(new { Results = stats, Environment.ProcessorCount });
            }
            else
            {
                output.Table(
                    ["operation", "samples", "mean_us", "p50_us", "p99_us", "max_us", "target_mean_us", "ok"],
                    stats.Select(s => (IReadOnlyList<string>)
                    [
                        s.Operation, s.Samples.ToString(CultureInfo.InvariantCulture), F(s.MeanUs), F(s.P50Us), F(s.P99Us), F(s.MaxUs),
                        s.TargetMeanUs is { } t ? F(t) : "-", s.MeetsTarget ? "yes" : "NO",
                    ]),
                    "monitoring benchmark");
            }

            return Task.FromResult(stats.All(s => s.MeetsTarget) ? ExitCodes.Ok : ExitCodes.Failure);
        }));
        return cmd;
    }

    private static string F(double us) => us.ToString("0.###", CultureInfo.InvariantCulture);
}
