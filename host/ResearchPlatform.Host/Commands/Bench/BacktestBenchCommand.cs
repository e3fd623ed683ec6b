using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Backtesting.Benchmarks;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Seeds;
using static ResearchPlatform.Host.Commands.Data.DataCommandSupport;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>
/// <c>rp bench backtest --data FILE [--threads N] [--repeats N] [--json]</c>: the canonical SMA grid, random individuals
/// over the four seed types and one single backtest, through the same seeds (loaded from the plugin) and kernel as
/// <c>rp backtest</c> and evolution. Data loading is excluded; each figure is the best of the repeats (the target figure), printed next to their median.
/// </summary>
internal static class BacktestBenchCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Bar file, e.g. ../shared/data/crypto/binance-1h/BTC_USDT-1h.json", Required = true };
        var threads = new Option<int>("--threads") { Description = "Threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var repeats = new Option<int>("--repeats") { Description = "Runs per figure; the best (target figure) and the median are reported", DefaultValueFactory = _ => 5 };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("backtest", "Backtest throughput: SMA grid 2..99 x fast+1..100 (targets: grid >= 2e9 steps/s, mixed >= 3e8, single 45k bars < 2 ms)")
        {
            data, threads, repeats, json,
        };
        cmd.SetAction(CommandRunner.Wrap((parse, output, ct) => MapErrors(() =>
        {
            var path = parse.GetValue(data)!;
            var n = parse.GetValue(threads);
            var reps = parse.GetValue(repeats);
            if (n is < 1 or > 256 || reps is < 1 or > 100)
            {
                throw new BadInputException("--threads must be 1..256 and --repeats 1..100");
            }

            if (!File.Exists(path))
            {
                throw new BadInputException($"--data: file not found: {path}");
            }

            var bars = BarFileReader.Read(path, ct: ct).Series;
            var catalog = new PluginSeedCatalog();
            if (!catalog.TryGetSeedType("momentum", out var momentum))
            {
                throw new InvalidOperationException("the momentum seed type is not loaded (plugins folder missing?)");
            }

            var r = BacktestBench.Run(bars, momentum, catalog.SeedTypes, n, reps, output.Info, ct);
            if (parse.GetValue(json))
            {
                output.WriteJson(r);
                return Task.FromResult(ExitCodes.Ok);
            }

            static string G(double v) => (v / 1e9).ToString("N3", CultureInfo.InvariantCulture) + " G";
            static string Ms(double v) => v.ToString("N3", CultureInfo.InvariantCulture) + " ms";
            output.Table(
                ["figure", "best (target figure)", "median", "target"],
                [
                    ["bars x grid strategies", $"{r.Bars:N0} x {r.GridStrategies:N0}", $"{r.Repeats} runs", string.Empty],
                    ["best (fast, slow)", $"({r.BestFast}, {r.BestSlow}) PnL {r.BestPnl.ToString("N2", CultureInfo.InvariantCulture)}", string.Empty, string.Empty],
                    ["grid steps/s", G(r.StepsPerSec), G(r.MedianStepsPerSec), ">= 2 G " + (r.StepsPerSec >= 2e9 ? "ok" : "MISSED")],
                    ["grid steps/s, full statistics", G(r.FullStepsPerSec), G(r.MedianFullStepsPerSec), string.Empty],
                    ["mixed steps/s (1,000 individuals)", G(r.MixedStepsPerSec), G(r.MedianMixedStepsPerSec), ">= 0.3 G " + (r.MixedStepsPerSec >= 3e8 ? "ok" : "MISSED")],
                    ["grid steps per CPU-second", G(r.StepsPerCpuSec), G(r.MedianStepsPerCpuSec), "per core, robust to competing load"],
                    ["mixed steps per CPU-second", G(r.MixedStepsPerCpuSec), G(r.MedianMixedStepsPerCpuSec), "per core, robust to competing load"],
                    ["single backtest", Ms(r.SingleMs), Ms(r.MedianSingleMs), "< 2 ms " + (r.SingleMs < 2 ? "ok" : "MISSED")],
                    ["threads / Vector512", $"{r.Threads} / {r.Vector512}", string.Empty, string.Empty],
                ],
                "bench backtest");
            return Task.FromResult(ExitCodes.Ok);
        })));
        return cmd;
    }
}
