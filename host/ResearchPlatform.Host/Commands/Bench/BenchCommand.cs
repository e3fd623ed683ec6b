using System.CommandLine;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary><c>rp bench</c>: benchmarks that print their figures (run apart from the tests).</summary>
public static class BenchCommand
{
    public static Command Create(CommonOptions? common = null) => new("bench", "Run a benchmark and print its figures")
    {
        CreateData(),
        BacktestBenchCommand.Create(),
        EvolveBenchmarkCommand.Create(common ?? new CommonOptions()),
        RiskBenchCommand.Create(),
        OrdersBenchCommand.Create(),
        PaperBenchCommand.Create(),
        DecisionsBenchCommand.Create(),
        MonitoringBenchCommand.Create(),
        ClusterBenchCommand.Create(),
        ServeBenchCommand.Create(),
        AlertsBenchCommand.Create(),
    };

    private static Command CreateData()
    {
        var rows = new Option<int>("--rows") { Description = "Synthetic 1m bars to generate", DefaultValueFactory = _ => 1_000_000 };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("data", "Import N synthetic bars into a temporary workspace and load them back (targets: import < 3 s, load < 300 ms for 1M)")
        {
            rows, json,
        };
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var n = parse.GetValue(rows);
            if (n is < 2 or > 100_000_000)
            {
                throw new BadInputException("--rows must be between 2 and 100,000,000");
            }

            var r = await DataBenchmark.RunAsync(n, output.Info, ct);
            if (parse.GetValue(json))
            {
                output.WriteJson(r);
                return ExitCodes.Ok;
            }

            static string Ms(long ms) => $"{ms:N0} ms";
            output.Table(
                ["step", "result", "target"],
                [
                    ["rows", $"{r.Rows:N0}", string.Empty],
                    ["import (appender + upsert)", $"{Ms(r.ImportMs)} (CPU {Ms(r.ImportCpuMs)})", $"< {Ms(r.ImportTargetMs)} {(r.ImportMeetsTarget ? "ok" : "MISSED")}"],
                    ["re-import (inserted/updated)", $"{Ms(r.ReimportMs)} ({r.ReimportInserted}/{r.ReimportUpdated})", string.Empty],
                    ["load into BarSeries (Arrow)", $"{Ms(r.LoadMs)} (CPU {Ms(r.LoadCpuMs)})", $"< {Ms(r.LoadTargetMs)} {(r.LoadMeetsTarget ? "ok" : "MISSED")}"],
                    ["load + resample 1m -> 1h", $"{Ms(r.ResampleTo1hMs)} ({r.HourlyBars:N0} bars)", string.Empty],
                    ["parse freqtrade JSON", $"{Ms(r.ParseFreqtradeJsonMs)} ({r.FreqtradeJsonBytes / 1048576.0:N1} MiB)", string.Empty],
                    ["machine", $"{r.ProcessorCount} CPUs, load average {r.LoadAverage?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a"}", string.Empty],
                ],
                "bench data");
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
