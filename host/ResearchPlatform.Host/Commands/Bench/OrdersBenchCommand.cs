using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Host.Bench;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary><c>rp bench orders</c>: order-manager overhead per order (validation + risk + journal + simulated venue).</summary>
public static class OrdersBenchCommand
{
    private const double TargetP99Us = 1_000;

    public static Command Create()
    {
        var json = CommonOptions.JsonOption();
        var count = new Option<int>("--count") { Description = "Timed orders per journal mode (default 20000)", DefaultValueFactory = _ => 20_000 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed orders first (default 5000)", DefaultValueFactory = _ => 5_000 };
        var journal = new Option<string>("--journal") { Description = "Journal: fsync (per append), buffered (write() only), group (write() per append + group fsync every 10 ms + DuckDB mirror in batches), both (fsync and buffered) or all (default)", DefaultValueFactory = _ => "all" };
        var dir = new Option<string?>("--dir") { Description = "Folder for the journal file (default: the system temp folder); fsync cost depends on its disk" };
        var cmd = new Command("orders", "Order manager overhead per order, p50/p99 in microseconds (target p99 < 1 ms)") { json, count, warmup, journal, dir };
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var n = parse.GetValue(count);
            var w = parse.GetValue(warmup);
            if (n < 100 || w < 0)
            {
                throw new BadInputException("--count must be >= 100 and --warmup >= 0");
            }

            var modes = parse.GetValue(journal) switch
            {
                "fsync" => new[] { "fsync" },
                "buffered" => ["buffered"],
                "group" => ["group"],
                "both" => ["fsync", "buffered"],
                "all" => ["fsync", "group", "buffered"],
                var other => throw new BadInputException($"--journal: '{other}' is not fsync, buffered, group, both or all"),
            };
            var folder = parse.GetValue(dir) ?? Path.Combine(Path.GetTempPath(), "rp-bench");
            var results = new List<OrderBenchResult>();
            foreach (var mode in modes)
            {
                output.Info($"bench orders: {w} warm-up + {n} timed orders, journal {mode} in {folder}");
                results.Add(await OrderManagerBenchmark.RunAsync(n, w, mode, folder, ct));
            }

            Write(output, parse.GetValue(json), results);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static void Write(CliOutput output, bool json, List<OrderBenchResult> results)
    {
        if (json)
        {
            output.WriteJson(new
            {
                Benchmark = "orders",
                TargetP99Us = TargetP99Us,
                Results = results.Select(r => new { r.Journal, r.Orders, r.P50Us, r.P90Us, r.P99Us, r.P999Us, r.MaxUs, r.MeanUs, r.OrdersPerSecond, MeetsTarget = r.P99Us < TargetP99Us }),
            });
            return;
        }

        static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        output.Table(
            ["journal", "orders", "p50 us", "p90 us", "p99 us", "p99.9 us", "max us", "mean us", "orders/s", "p99 < 1 ms"],
            results.Select(r => (IReadOnlyList<string>)[
                r.Journal, r.Orders.ToString(CultureInfo.InvariantCulture), F(r.P50Us), F(r.P90Us), F(r.P99Us), F(r.P999Us), F(r.MaxUs), F(r.MeanUs),
                r.OrdersPerSecond.ToString("0", CultureInfo.InvariantCulture), r.P99Us < TargetP99Us ? "yes" : "no"]),
            "Order manager overhead per order (validation + risk + journal + simulated venue)");
    }
}
