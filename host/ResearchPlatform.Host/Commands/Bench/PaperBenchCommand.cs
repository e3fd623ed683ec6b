using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Seeds;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>
/// <c>rp bench paper [--data FILE | --bars N] [--repeats N] [--json]</c>: ACCELERATED_REPLAY at full speed, one momentum
/// strategy (plugin seed, default genes) on one symbol, through signal -> sizer -> risk -> order manager -> simulated
/// venue. The journal is on by default (<c>--journal file</c>: the paper sessions' write-ahead file with group commit,
/// mirrored into a DuckDB file in batches; the final fsync and mirror batch are inside the timing) or in memory
/// (<c>--journal memory</c>). Target >= 100,000 bars/s; the best of the repeats is reported.
/// </summary>
internal static class PaperBenchCommand
{
    private const double TargetBarsPerSecond = 100_000;

    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Bar file (default: synthetic 1h bars)" };
        var count = new Option<int>("--bars") { Description = "Synthetic bars when no --data (default 200000)", DefaultValueFactory = _ => 200_000 };
        var repeats = new Option<int>("--repeats") { Description = "Runs; the best is reported (default 3)", DefaultValueFactory = _ => 3 };
        var journal = new Option<string>("--journal") { Description = "file (default: write-ahead file + group commit + DuckDB mirror, in a temp folder) or memory", DefaultValueFactory = _ => "file" }
            .AcceptOnlyFromAmong("file", "memory");
        var syncMs = new Option<int>("--sync-ms") { Description = "Group-commit fsync interval of the file journal in ms (default 10; 0 = fsync every entry)", DefaultValueFactory = _ => 10 };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("paper", "Paper replay throughput, one strategy on one symbol (target >= 100,000 bars/s)") { data, count, repeats, journal, syncMs, json };
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var n = parse.GetValue(count);
            var reps = parse.GetValue(repeats);
            if (n is < 100 or > 50_000_000 || reps is < 1 or > 50)
            {
                throw new BadInputException("--bars must be 100..50,000,000 and --repeats 1..50");
            }

            var path = parse.GetValue(data);
            if (path is not null && !File.Exists(path))
            {
                throw new BadInputException($"--data: file not found: {path}");
            }

            var bars = path is null ? SyntheticBars.Generate("SYN", BarInterval.Parse("1h"), n, seed: 7) : BarFileReader.Read(path, ct: ct).Series;
            var catalog = new PluginSeedCatalog();
            if (!catalog.TryGetSeedType("momentum", out var momentum))
            {
                throw new InvalidOperationException("the momentum seed type is not loaded (plugins folder missing?)");
            }

            var strategy = new PaperStrategy("momentum-default", momentum, [.. momentum.Genes.Select(g => g.Default)]);
            var options = new PaperOptions { Risk = new Sdk.Risk.RiskGenome { MaxPositionSizePct = 0.5, MaxTradesPerHour = 200 } };
            PaperSessionResult? best = null;
            var bestCpu = TimeSpan.Zero;
            var onFile = parse.GetValue(journal) == "file";
            var commit = new Engine.Execution.Journal.GroupCommitOptions { SyncInterval = TimeSpan.FromMilliseconds(Math.Clamp(parse.GetValue(syncMs), 0, 10_000)) };
            for (var r = 0; r < reps; r++)
            {
                var (s, cpu) = onFile
                    ? await RunWithJournalAsync(bars, strategy, options, commit, r, ct)
                    : await RunInMemoryAsync(bars, strategy, options, ct);
                output.Info(string.Create(CultureInfo.InvariantCulture, $"bench paper: run {r + 1}/{reps}: {s.Bars:N0} bars in {s.Elapsed.TotalMilliseconds:N0} ms = {s.BarsPerSecond:N0} bars/s ({cpu.TotalMilliseconds:N0} ms CPU, all threads)"));
                if (best is null || s.Elapsed < best.Elapsed)
                {
                    (best, bestCpu) = (s, cpu);
                }
            }

            Write(output, parse.GetValue(json), best!, onFile ? "file" : "memory", bestCpu);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static async Task<(PaperSessionResult Result, TimeSpan Cpu)> RunInMemoryAsync(BarSeries bars, PaperStrategy strategy, PaperOptions options, CancellationToken ct)
    {
        var cpu0 = Cpu();
        var s = await PaperReplayEngine.RunAsync("bench", bars, [strategy], options, null, null, null, ct);
        return (s, Cpu() - cpu0);
    }

    /// <summary>The database is created before the timing starts; the journals' final fsync and mirror batch are inside it.</summary>
    private static async Task<(PaperSessionResult Result, TimeSpan Cpu)> RunWithJournalAsync(BarSeries bars, PaperStrategy strategy, PaperOptions options, Engine.Execution.Journal.GroupCommitOptions commit, int run, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"rp-bench-paper-{Environment.ProcessId}-{run}"));
        try
        {
            using var db = Engine.Storage.ResearchDatabase.Open(Path.Combine(folder, "research.duckdb"));
            var store = new Engine.Paper.Storage.PaperSessionStore(db, TimeProvider.System, commit);
            var cpu0 = Cpu();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var s = await PaperReplayEngine.RunAsync("bench", bars, [strategy], options, i => store.JournalFor("bench", i), null, null, ct);
            store.CloseJournals();
            return (s with { Elapsed = clock.Elapsed }, Cpu() - cpu0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static TimeSpan Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary><paramref name="cpu"/>: CPU time of the process (all threads) during the best run; bars per CPU second is the figure a busy machine distorts least.</summary>
    private static void Write(CliOutput output, bool json, PaperSessionResult r, string journal, TimeSpan cpu)
    {
        var perCpuSecond = cpu > TimeSpan.Zero ? r.Bars / cpu.TotalSeconds : 0;
        var p = r.Strategies[0].Performance;
        var ok = r.BarsPerSecond >= TargetBarsPerSecond;
        if (json)
        {
            output.WriteJson(new
            {
                Benchmark = "paper",
                Journal = journal,
                r.Bars,
                ElapsedMs = r.Elapsed.TotalMilliseconds,
                r.BarsPerSecond,
                TargetBarsPerSecond,
                MeetsTarget = ok,
                CpuMs = cpu.TotalMilliseconds,
                BarsPerCpuSecond = perCpuSecond,
                p.OrdersSent,
                p.Trades,
            });
            return;
        }

        output.Table(
            ["figure", "value", "target"],
            [
                ["bars", r.Bars.ToString("N0", CultureInfo.InvariantCulture), string.Empty],
                ["elapsed", r.Elapsed.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms", string.Empty],
                ["bars/s", r.BarsPerSecond.ToString("N0", CultureInfo.InvariantCulture), ">= 100,000 " + (ok ? "ok" : "MISSED")],
                ["bars per CPU second", perCpuSecond.ToString("N0", CultureInfo.InvariantCulture), "(CPU time of all threads; less distorted by a busy machine)"],
                ["orders sent / trades", $"{p.OrdersSent:N0} / {p.Trades:N0}", string.Empty],
                ["journal", journal, string.Empty],
            ],
            "bench paper (one strategy, one symbol, full speed)");
    }
}
