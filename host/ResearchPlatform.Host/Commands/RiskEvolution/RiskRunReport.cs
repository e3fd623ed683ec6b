using System.Globalization;
using ResearchPlatform.Engine.RiskEvolution;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Evolution;

namespace ResearchPlatform.Host.Commands.RiskEvolution;

/// <summary>
/// What <c>rp evolve-risk</c> and <c>rp risk-runs show</c> print: the evolution run (generations, hall of fame of risk
/// genomes with in-sample / out-of-sample / hold-out metrics of the portfolio, deflated Sharpe), the strategies it was
/// evolved for and the definition's preset scored the same way (the baseline the winner should beat).
/// </summary>
internal sealed record RiskRunReport(RunReport Run, string RiskDefinition, string StrategiesFrom, IReadOnlyList<StoredRiskStrategy> Strategies, RiskBaseline? Baseline, double? BestMinusBaseline)
{
    /// <summary>Reads run <paramref name="runId"/>; null when it is not a stored risk-genome evolution.</summary>
    public static RiskRunReport? Load(ResearchDatabase db, string runId)
    {
        var risk = new RiskEvolutionRunStore(db, TimeProvider.System).Find(runId);
        var run = risk is null ? null : RunReport.Load(db, runId);
        if (risk is null || run is null)
        {
            return null;
        }

        var best = run.HallOfFame.Count > 0 ? run.HallOfFame[0].Fitness : null;
        var delta = best is { } b && risk.Baseline is { } bl && double.IsFinite(bl.Fitness) ? b - bl.Fitness : (double?)null;
        return new RiskRunReport(run, risk.RiskDefinition, risk.StrategiesFrom, risk.Strategies, risk.Baseline, delta);
    }

    /// <summary>Prints the report as tables.</summary>
    public void Print(CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        RunReportPrinter.Print(output, Run);
        output.Table(["#", "strategy", "seed type"], Strategies.Select((s, i) => (IReadOnlyList<string>)[F($"{i + 1}"), s.Label, s.SeedType]), $"strategies ({StrategiesFrom}), equal-weight sleeves, one risk manager per sleeve");
        if (Baseline is { } b)
        {
            output.KeyValues(
            [
                ("risk genome", "risk:" + RiskDefinition + " preset (not evolved)"),
                ("fitness (training)", F($"{b.Fitness:F3}")),
                ("IS / OOS / hold-out Sharpe", F($"{b.Train.Sharpe:F3} / {b.OutOfSample.Sharpe:F3} / {b.Holdout.Sharpe:F3}")),
                ("hold-out return / max dd", F($"{b.Holdout.TotalReturn * 100:F1} % / {b.Holdout.MaxDrawdown * 100:F1} %")),
                ("best - baseline fitness", BestMinusBaseline is { } d ? F($"{d:+0.000;-0.000;0}") : "-"),
            ],
            "baseline");
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
