using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Loader;
using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Decisions;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>
/// <c>rp bench decisions</c>: p99 of one decision per type with compiled rules (target &lt; 50 us, cache off), the
/// latency from a rule file save to the new rule being live (&lt; 1 s) and memory across 1,000 reloads (flat).
/// </summary>
public static class DecisionsBenchCommand
{
    public static Command Create()
    {
        var json = CommonOptions.JsonOption();
        var iterations = new Option<int>("--iterations") { Description = "Timed decisions per type", DefaultValueFactory = _ => 20_000 };
        var reloads = new Option<int>("--reloads") { Description = "Successive reloads for the memory check", DefaultValueFactory = _ => 1_000 };
        var rules = RulesCommand.RulesOption();
        var workerOnly = new Option<bool>("--worker-only") { Description = "Run every rule on the worker thread (no inline execution of trusted rules), to compare" };
        var cmd = new Command("decisions", "Time decisions (p99 < 50 us), file save -> live rule (< 1 s) and memory over 1,000 reloads") { json, iterations, reloads, rules, workerOnly };
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var n = parse.GetValue(iterations);
            var dir = Path.Combine(Path.GetTempPath(), "rp-bench-rules-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            CopyRules(RulesLocator.Resolve(parse.GetValue(rules)), dir);
            try
            {
                using var set = new RuleSet(dir);
                set.LoadAll(ct);
                output.Info($"timing {n:N0} decisions per type ...");
                var inline = !parse.GetValue(workerOnly);
                output.Info(inline ? "trusted rules run inline (the default)" : "every rule runs on the worker thread (--worker-only)");
                var contexts = SampleContexts();
                var engines = Enum.GetValues<DecisionType>().Select(t => new DecisionEngine(set, new DecisionEngineOptions { CacheDecisions = false, Budget = TimeSpan.FromSeconds(1), InlineTrustedRules = inline })).ToArray();
                WarmUp(set, engines, contexts);
                var latency = Enum.GetValues<DecisionType>().Select(t => TimeDecisions(set, engines[(int)t], t, contexts, n)).ToList();
                output.Info("timing save -> live ...");
                var reload = await ReloadLatencyAsync(set, 10, ct);
                output.Info($"{parse.GetValue(reloads):N0} reloads ...");
                var memory = MeasureReloads(set, parse.GetValue(reloads));
                var ok = latency.All(l => l.P99Us < 50) && reload.MaxMs < 1000 && memory.GrowthMiB < 20;
                if (parse.GetValue(json))
                {
                    output.WriteJson(new { Decisions = latency, Reload = reload, Memory = memory, MeetsTargets = ok });
                }
                else
                {
                    output.Table(["decision", "samples", "mean_us", "p50_us", "p99_us", "target_p99_us", "rule_only_p50_us", "rule_only_p99_us", "bytes_per_decision", "gen0_gcs"],
                        latency.Select(l => (IReadOnlyList<string>)[l.Type, l.Samples.ToString(CultureInfo.InvariantCulture), F(l.MeanUs), F(l.P50Us), F(l.P99Us), "50", F(l.RuleOnlyP50Us), F(l.RuleOnlyP99Us), l.BytesPerDecision.ToString("0", CultureInfo.InvariantCulture), l.Gen0Collections.ToString(CultureInfo.InvariantCulture)]), "decision latency (compiled rule, cache off)");
                    output.KeyValues(
                    [
                        ("save -> live (median / max of 10)", $"{F(reload.MedianMs)} / {F(reload.MaxMs)} ms (target < 1000)"),
                        ("reloads", memory.Reloads.ToString(CultureInfo.InvariantCulture)),
                        ("managed heap after 100 / after all", $"{F(memory.HeapAfter100MiB)} / {F(memory.HeapAfterAllMiB)} MiB (growth {F(memory.GrowthMiB)})"),
                        ("working set after 100 / after all", $"{F(memory.WorkingSetAfter100MiB)} / {F(memory.WorkingSetAfterAllMiB)} MiB"),
                        ("load contexts alive", memory.LoadContextsAlive.ToString(CultureInfo.InvariantCulture)),
                        ("targets met", ok ? "yes" : "NO"),
                    ], "reload");
                }

                return ok ? ExitCodes.Ok : ExitCodes.Failure;
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }));
        return cmd;
    }

    internal sealed record DecisionLatency(string Type, int Samples, double MeanUs, double P50Us, double P99Us, double RuleOnlyP50Us, double RuleOnlyP99Us, double BytesPerDecision, int Gen0Collections);

    internal sealed record ReloadLatency(double MedianMs, double MaxMs);

    internal sealed record ReloadMemory(int Reloads, double HeapAfter100MiB, double HeapAfterAllMiB, double GrowthMiB, double WorkingSetAfter100MiB, double WorkingSetAfterAllMiB, int LoadContextsAlive);

    /// <summary>
    /// Runs every type round-robin for at least 2,000 decisions each and one second in all, so the rules and the engine
    /// have reached their optimized (tier-1) code before any timing: the JIT's background recompilation otherwise lands
    /// inside the first types' samples and is measured as decision latency.
    /// </summary>
    private static void WarmUp(RuleSet set, DecisionEngine[] engines, DecisionContext[] contexts)
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 2_000 || sw.Elapsed < TimeSpan.FromSeconds(1); i++)
        {
            foreach (var type in Enum.GetValues<DecisionType>())
            {
                engines[(int)type].Decide(type, contexts[i % contexts.Length]);
                set.Current(type)!.Evaluate(contexts[i % contexts.Length] with { Thresholds = set.Thresholds }, CancellationToken.None);
            }
        }
    }

    private static DecisionContext[] SampleContexts()
    {
        var rng = new Random(7);
        return [.. Enumerable.Range(0, 64).Select(_ => SampleContext(rng))];
    }

    private static DecisionLatency TimeDecisions(RuleSet set, DecisionEngine engine, DecisionType type, DecisionContext[] contexts, int n)
    {
        var samples = new double[n];
        var gen0 = GC.CollectionCount(0);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < n; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            engine.Decide(type, contexts[i % contexts.Length]);
            samples[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)n;
        gen0 = GC.CollectionCount(0) - gen0;
        Array.Sort(samples);
        // The rule delegate alone, on this thread: separates the rule's own cost from the worker hand-off and routing.
        var rule = set.Current(type)!;
        var raw = new double[n];
        for (var i = 0; i < n; i++)
        {
            var ctx = contexts[i % contexts.Length] with { Thresholds = set.Thresholds };
            var t0 = Stopwatch.GetTimestamp();
            rule.Evaluate(ctx, CancellationToken.None);
            raw[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        Array.Sort(raw);
        return new DecisionLatency(RuleFiles.SnakeName(type), n, samples.Average(), samples[n / 2], samples[(int)(n * 0.99)], raw[n / 2], raw[(int)(n * 0.99)], bytes, gen0);
    }

    private static DecisionContext SampleContext(Random rng)
    {
        StrategyPerformance Perf() => new(rng.NextDouble() * 3 - 1, rng.NextDouble() * 0.4 - 0.1, rng.NextDouble() * 0.3, rng.Next(1, 60), rng.Next(0, 10));
        var strategies = Enumerable.Range(0, 20).Select(i => new StrategySnapshot(
            "s" + i.ToString(CultureInfo.InvariantCulture), i % 4 == 0 ? StrategyStage.Paper : StrategyStage.Live, Perf(), Perf(), Perf())).ToList();
        return new DecisionContext
        {
            Capital = 1_000 + rng.NextDouble() * 50_000, Strategies = strategies, Regime = rng.Next(3) switch { 0 => "bull", 1 => "sideways", _ => "crisis" },
            Risk = new RiskSnapshot(rng.NextDouble() * -0.08, rng.NextDouble() * -0.15, rng.NextDouble() * 1.2, rng.NextDouble() * 0.2),
        };
    }

    private static async Task<ReloadLatency> ReloadLatencyAsync(RuleSet set, int rounds, CancellationToken ct)
    {
        set.StartWatching(TimeSpan.FromMilliseconds(50));
        var file = Path.Combine(set.Directory, RuleFiles.FileName(DecisionType.RiskAdjustment));
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var before = set.Current(DecisionType.RiskAdjustment)?.Hash;
            var sw = Stopwatch.StartNew();
            await File.WriteAllTextAsync(file, Rule(i + 0.5), ct);
            while (set.Current(DecisionType.RiskAdjustment)?.Hash == before && sw.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(1, ct);
            }

            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new ReloadLatency(times[times.Count / 2], times[^1]);
    }

    private static ReloadMemory MeasureReloads(RuleSet set, int reloads)
    {
        var file = Path.Combine(set.Directory, RuleFiles.FileName(DecisionType.RiskAdjustment));
        double heap100 = 0, ws100 = 0;
        for (var i = 0; i < reloads; i++)
        {
            File.WriteAllText(file, Rule(1000 + i));
            set.ReloadFile(file);
            if (i == Math.Min(99, reloads - 1))
            {
                (heap100, ws100) = Measure();
            }
        }

        var (heap, ws) = Measure();
        var alive = AssemblyLoadContext.All.Count(c => c.Name?.StartsWith("rule:", StringComparison.Ordinal) == true);
        return new ReloadMemory(reloads, heap100, heap, heap - heap100, ws100, ws, alive);
    }

    private static (double Heap, double WorkingSet) Measure()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        using var p = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(true) / 1048576.0, p.WorkingSet64 / 1048576.0);
    }

    private static string Rule(double m) =>
        "var v = Context.Risk.Volatility;\nreturn Decide.RiskMultiplier(v > 0.8 ? 0.5 : 1.0, 0.95, \"bench " + m.ToString(CultureInfo.InvariantCulture) + "\", Urgency.Low);\n";

    private static void CopyRules(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from))
        {
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)), overwrite: true);
        }
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
