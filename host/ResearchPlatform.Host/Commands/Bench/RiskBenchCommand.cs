using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary><c>rp bench risk</c>: latency of the risk hot paths against the issue's targets.</summary>
public static class RiskBenchCommand
{
    public static Command Create()
    {
        var json = CommonOptions.JsonOption();
        var iterations = new Option<int>("--iterations")
        {
            Description = "Timed calls per operation (regime update and OnBar use a tenth)",
            DefaultValueFactory = _ => 200_000,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic portfolio and prices", DefaultValueFactory = _ => 42 };
        var cmd = new Command("risk", "Time EvaluateTradeRisk (p99 < 20 us), the position sizer (< 5 us) and a regime update (< 1 ms) with 50 open positions")
        {
            json,
            iterations,
            seed,
        };
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            var n = parse.GetValue(iterations);
            if (n < 1_000)
            {
                throw new BadInputException($"--iterations must be at least 1000 (got {n.ToString(CultureInfo.InvariantCulture)})");
            }

            output.Info($"timing risk hot paths: {RiskBenchmark.Positions} positions, {n.ToString(CultureInfo.InvariantCulture)} calls each ...");
            var stats = RiskBenchmark.Run(TimeProvider.System, n, parse.GetValue(seed));
            if (parse.GetValue(json))
            {
                output.WriteJson(new { Positions = RiskBenchmark.Positions, Results = stats });
            }
            else
            {
                output.Table(
                    ["operation", "samples", "mean_us", "p50_us", "p99_us", "max_us", "target_p99_us", "ok"],
                    stats.Select(s => (IReadOnlyList<string>)
                    [
                        s.Operation, s.Samples.ToString(CultureInfo.InvariantCulture), F(s.MeanUs), F(s.P50Us), F(s.P99Us), F(s.MaxUs),
                        s.TargetP99Us is { } t ? F(t) : "-", s.MeetsTarget ? "yes" : "NO",
                    ]),
                    $"risk benchmark ({RiskBenchmark.Positions} open positions)");
            }

            return Task.FromResult(stats.All(s => s.MeetsTarget) ? ExitCodes.Ok : ExitCodes.Failure);
        }));
        return cmd;
    }

    private static string F(double us) => us.ToString("0.###", CultureInfo.InvariantCulture);
}
