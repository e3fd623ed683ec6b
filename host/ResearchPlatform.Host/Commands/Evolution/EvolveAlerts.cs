using System.Globalization;
using ResearchPlatform.Engine.Monitoring;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>
/// The GENETIC alert <c>rp evolve</c> raises when a run ends: its latest generation's figures (best/mean fitness,
/// diversity, failed evaluations); WARNING when evaluations failed or the run was stopped, else INFORMATIONAL.
/// Key <c>evolve:RUN_ID</c>.
/// </summary>
internal static class EvolveAlerts
{
    public static Alert Finished(ResearchDatabase db, string runId, bool stopped)
    {
        var m = EvolutionMetricsReader.Latest(db);
        var mine = m is not null && m.RunId == runId ? m : null;
        var failed = mine?.FailedEvaluations ?? 0;
        var context = new Dictionary<string, string>(StringComparer.Ordinal) { ["run_id"] = runId };
        if (mine is not null)
        {
            context["generation"] = F($"{mine.Generation}");
            context["best_fitness"] = F($"{mine.BestFitness:R}");
            context["failed_evaluations"] = F($"{failed}");
        }

        var body = mine is null
            ? "No generation completed."
            : F($"Generation {mine.Generation}: best fitness {mine.BestFitness:0.####}, mean {mine.MeanFitness:0.####}, diversity {mine.Diversity:0.####}, {failed} failed evaluations.");
        return new Alert(
            stopped || failed > 0 ? AlertLevel.Warning : AlertLevel.Informational,
            AlertCategory.Genetic,
            "evolve:" + runId,
            $"Evolution run {runId} {(stopped ? "stopped" : "finished")}",
            body,
            "evolution",
            context,
            TimeProvider.System.GetUtcNow());
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
