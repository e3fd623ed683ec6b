using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Evolution;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary><c>rp bench cluster</c>: per-evaluation overhead of the cluster path, throughput with 1 and 2 silos, silo death to completion.</summary>
internal static class ClusterBenchCommand
{
    public static Command Create()
    {
        var population = new Option<int>("--population") { Description = "Individuals evaluated per timed call", DefaultValueFactory = _ => 400 };
        var bars = new Option<int>("--bars") { Description = "Synthetic 1h bars", DefaultValueFactory = _ => 20_000 };
        var timeout = new Option<string?>("--batch-timeout") { Description = "Batch timeout of the cluster evaluator (default 5s)" };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("cluster", "Time local vs cluster evaluation of one population (in-process silos on loopback), 1 and 2 silos, and a silo's death") { population, bars, timeout, json };
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var n = parse.GetValue(population);
            var b = parse.GetValue(bars);
            if (n < 10 || b < 500)
            {
                throw new BadInputException("--population must be at least 10 and --bars at least 500");
            }

            var r = await ClusterBenchmark.RunAsync(n, b, EvolveInputs.ParseDuration(parse.GetValue(timeout), "--batch-timeout") ?? TimeSpan.FromSeconds(5), output.Info, ct);
            if (parse.GetValue(json))
            {
                output.WriteJson(r);
                return ExitCodes.Ok;
            }

            static string F(double v, string f) => v.ToString(f, CultureInfo.InvariantCulture);
            output.Table(
                ["measure", "result"],
                [
                    ["population x windows, bars", $"{r.Population} x {r.Windows}, {r.Bars:N0} bars, {r.ProcessorCount} cores"],
                    ["local", $"{F(r.LocalSeconds, "0.000")} s ({F(r.LocalEvaluationsPerSecond, "0")} evals/s)"],
                    ["cluster, 1 silo", $"{F(r.OneSiloSeconds, "0.000")} s ({F(r.OneSiloEvaluationsPerSecond, "0")} evals/s)"],
                    ["cluster, 2 silos (same machine)", $"{F(r.TwoSilosSeconds, "0.000")} s ({F(r.TwoSilosEvaluationsPerSecond, "0")} evals/s)"],
                    ["overhead per evaluation (1 silo - local)", $"{F(r.OverheadMicrosecondsPerEvaluation, "0")} us"],
                    ["silo stopped mid-generation -> completed", $"{F(r.DeathToCompletionSeconds, "0.000")} s (batch timeout {F(r.BatchTimeoutSeconds, "0.#")} s; failed {r.DeathFailedEvaluations}, resubmitted {r.DeathResubmitted}, local {r.DeathLocalFallback})"],
                    ["results identical to local", r.ResultsIdentical ? "yes" : "NO"],
                ],
                "bench cluster");
            return r.ResultsIdentical ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return cmd;
    }
}
