using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>Prints a <see cref="RunReport"/> as tables (the human form of <c>rp evolve</c> and <c>rp runs show</c>).</summary>
internal static class RunReportPrinter
{
    /// <summary>Hall-of-fame rows shown in the table (the JSON has them all).</summary>
    public const int RowsShown = 10;

    public static void Print(CliOutput output, RunReport r)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(r);
        var dsr = r.DeflatedSharpe;
        output.KeyValues(
        [
            ("run", r.RunId),
            ("status", r.Status + (r.Termination is null ? string.Empty : $" ({r.Termination})")),
            ("data", $"{r.Symbol} {r.Interval}, {r.Bars:N0} bars ({r.DataSource})"),
            ("seed types", string.Join(", ", r.SeedTypes.Select(s => $"{s.Id} {s.PluginVersion}"))),
            ("population x generations", $"{r.Population} x {r.CompletedGenerations}/{r.MaxGenerations}, seed {r.Seed}, {r.Objective}"),
            ("walk-forward", $"{r.WalkForward.Mode}, {r.WalkForward.Folds.Count} folds, hold-out [{r.WalkForward.Holdout[0]}, {r.WalkForward.Holdout[1]})"),
            ("niching", r.Niching.Describe()),
            ("operators", r.Genetic.DescribeOperators()),
            ("fitness", r.Genetic.DescribeFitness()),
            ("costs", r.CostModel),
            ("distinct evaluations", r.DistinctEvaluations?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"),
            ("deflated Sharpe (best)", dsr is null ? "-" : F($"{dsr.Deflated:F3} (Sharpe {dsr.SharpeAnnualized:F2} vs expected max {dsr.ExpectedMaxSharpeAnnualized:F2} of {dsr.Trials:N0} trials)")),
        ],
        "evolution run");
        output.Table(
            ["gen", "best", "mean", "median", "std", "diversity", "unique", "evals", "hits", "fail", "seconds", "steps/s"],
            r.Generations.Select(g => (IReadOnlyList<string>)
            [
                F($"{g.Generation}"), F($"{g.BestFitness:F3}"), F($"{g.MeanFitness:F3}"), F($"{g.MedianFitness:F3}"), F($"{g.StdFitness:F3}"),
                F($"{g.Diversity.MeanGeneDistance:F3}"), F($"{g.Diversity.UniqueIndividuals}"), F($"{g.Evaluations}"), F($"{g.CacheHits}"),
                F($"{g.Failures + g.Timeouts}"), F($"{g.GenerationSeconds:F2}"), GenerationLine.Steps(g.StepsPerSecond),
            ]),
            "generations");
        if (r.HallOfFame.Count == 0 && r.Status != "completed")
        {
            // the hall of fame (with its hold-out test) is chosen when a run completes; a stopped or failed run has none yet
            output.Line($"hall of fame: chosen when the run completes (status {r.Status}); continue with: rp evolve --resume {r.RunId}");
        }
        else
        {
            PrintMembers(output, r.HallOfFame, "hall of fame (in-sample = training windows, oos = walk-forward tests, hold-out = never seen by selection)");
        }

        if (r.ParetoFront.Count > 0)
        {
            PrintMembers(output, r.ParetoFront, "pareto front");
        }
    }

    private static void PrintMembers(CliOutput output, IReadOnlyList<HallOfFameReport> members, string title) =>
        output.Table(
            ["#", "seed type", "genes", "fitness", "IS sharpe", "OOS sharpe", "hold-out sharpe", "hold-out return", "hold-out max dd", "hold-out trades"],
            members.Take(RowsShown).Select(h => (IReadOnlyList<string>)
            [
                F($"{h.Rank}"), h.SeedType, Genes(h.Genes), Num(h.Fitness), Num(h.InSample.Sharpe), Num(h.OutOfSample.Sharpe),
                Num(h.Holdout.Sharpe), Pct(h.Holdout.TotalReturn), Pct(h.Holdout.MaxDrawdown), h.Holdout.Trades?.ToString(CultureInfo.InvariantCulture) ?? "-",
            ]),
            title);

    private static string Genes(JsonElement genes) =>
        string.Join(" ", genes.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetDouble().ToString("G6", CultureInfo.InvariantCulture)));

    private static string Num(double? v) => v is { } x ? x.ToString("F3", CultureInfo.InvariantCulture) : "-";

    private static string Pct(double? v) => v is { } x ? (x * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "-";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
