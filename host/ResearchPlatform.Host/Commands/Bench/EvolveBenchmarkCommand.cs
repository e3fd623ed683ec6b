using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Evolution;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>
/// <c>rp bench evolve</c>: one generation of 1,000 individuals over the seed types, 4 folds, BTC/USDT 1h by default
/// (targets: a generation under 0.5 s, GA bookkeeping under 5 % of it).
/// </summary>
internal static class EvolveBenchmarkCommand
{
    private const string DefaultData = "crypto/binance-1h/BTC_USDT-1h.json";

    public static Command Create(CommonOptions common)
    {
        var data = new Option<string?>("--data") { Description = $"Market-data file (default: <shared data>/{DefaultData}, found via RP_SHARED_DATA or a shared/data folder above)" };
        var symbol = new Option<string?>("--symbol") { Description = "Use stored bars of this symbol instead (with --interval)" };
        var interval = new Option<string?>("--interval") { Description = "Interval of the stored bars" };
        var population = new Option<int>("--population") { Description = "Individuals per generation", DefaultValueFactory = _ => 1000 };
        var generations = new Option<int>("--generations") { Description = "Timed generations", DefaultValueFactory = _ => 3 };
        var folds = new Option<int>("--folds") { Description = "Walk-forward folds", DefaultValueFactory = _ => 4 };
        var threads = new Option<int>("--threads") { Description = "Evaluation threads", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = CommonOptions.JsonOption();
        var cmd = new Command("evolve", "Time GA generations (target: 1,000 individuals x 4 seed types x 4 folds on BTC 1h < 0.5 s, bookkeeping < 5 %)")
        {
            data, symbol, interval, population, generations, folds, threads, json,
        };
        cmd.SetAction(CommandRunner.Wrap(async (parse, output, ct) =>
        {
            var file = parse.GetValue(data);
            if (string.IsNullOrWhiteSpace(file) && string.IsNullOrWhiteSpace(parse.GetValue(symbol)))
            {
                file = DefaultDataFile() ?? throw new BadInputException($"no --data given and {DefaultData} was not found (set RP_SHARED_DATA)");
            }

            using var db = ResearchDatabase.Open(Workspace.Resolve(parse.GetValue(common.Workspace)).EnsureExists().DatabasePath);
            var (bars, source) = EvolveInputs.LoadBars(db, file, parse.GetValue(symbol), parse.GetValue(interval), ct);
            var seeds = EvolveInputs.SelectSeeds(EvolveInputs.LoadSeedTypes(output.Warn), null);
            var r = await EvolveBenchmark.RunAsync(
                bars, $"{bars.Symbol} {bars.Interval} ({source})", seeds, parse.GetValue(population), Math.Max(1, parse.GetValue(generations)), parse.GetValue(folds), Math.Max(1, parse.GetValue(threads)), output.Info, ct);
            if (parse.GetValue(json))
            {
                output.WriteJson(r);
            }
            else
            {
                Print(output, r);
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static void Print(CliOutput output, EvolveBenchmarkResult r)
    {
        static string S(double s) => s.ToString("F3", CultureInfo.InvariantCulture) + " s";
        static string P(double share) => (share * 100).ToString("F2", CultureInfo.InvariantCulture) + " %";
        output.Table(
            ["figure", "result", "target"],
            [
                ["data", $"{r.Data}, {r.Bars:N0} bars", string.Empty],
                ["seed types", $"{string.Join(", ", r.SeedTypes)} ({r.SeedTypes.Count})", "4"],
                ["population x folds x threads", $"{r.Population} x {r.Folds} x {r.Threads}", string.Empty],
                ["one generation (all evaluated)", S(r.FullGenerationSeconds), $"< {S(r.GenerationTargetSeconds)} {(r.GenerationMeetsTarget ? "ok" : "MISSED")}"],
                ["  of which evaluation", S(r.FullGenerationEvalSeconds), string.Empty],
                ["  of which GA bookkeeping", $"{S(r.FullGenerationBookkeepingSeconds)} ({P(r.FullGenerationSeconds > 0 ? r.FullGenerationBookkeepingSeconds / r.FullGenerationSeconds : 0)})", string.Empty],
                ["GA bookkeeping share (aggregate over generations)", P(r.BookkeepingShareAggregate), $"< {P(r.BookkeepingTargetShare)} {(r.BookkeepingMeetsTarget ? "ok" : "MISSED")}"],
                ["GA bookkeeping share (mean / max of one generation)", $"{P(r.BookkeepingShareMean)} / {P(r.BookkeepingShareMax)}", "max includes GC pauses"],
                ["best / mean generation", $"{S(r.BestGenerationSeconds)} / {S(r.MeanGenerationSeconds)}", string.Empty],
                ["kernel steps/s (full generation)", GenerationLine.Steps(r.StepsPerSecond), string.Empty],
            ],
            "bench evolve");
        output.Table(
            ["gen", "evaluations", "cache hits", "seconds", "eval s", "bookkeeping s", "steps/s", "GC pause ms (collections)"],
            r.PerGeneration.Select(g => (IReadOnlyList<string>)
            [
                g.Generation.ToString(CultureInfo.InvariantCulture), g.Evaluations.ToString(CultureInfo.InvariantCulture), g.CacheHits.ToString(CultureInfo.InvariantCulture),
                S(g.Seconds), S(g.EvalSeconds), S(g.BookkeepingSeconds), GenerationLine.Steps(g.StepsPerSecond),
                $"{(g.GcPauseSeconds * 1000).ToString("F1", CultureInfo.InvariantCulture)} ({g.GcCollections})",
            ]),
            "generations");
    }

    private static string? DefaultDataFile()
    {
        var env = Environment.GetEnvironmentVariable("RP_SHARED_DATA");
        var roots = new List<string>();
        if (!string.IsNullOrWhiteSpace(env))
        {
            roots.Add(env);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                roots.Add(Path.Combine(dir.FullName, "shared", "data"));
            }
        }

        return roots.Select(r => Path.Combine(r, DefaultData)).FirstOrDefault(File.Exists);
    }
}
