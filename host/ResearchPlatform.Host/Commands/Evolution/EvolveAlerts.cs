using System.Globalization;
using ResearchPlatform.Engine.Monitoring;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>
/// The GENETIC alert <c>rp evolve</c> raises when a run ends, with its latest generation's figures (best/mean fitness,
/// diversity, failed evaluations): finished (INFORMATIONAL, WARNING when evaluations failed), stopped by Ctrl+C
/// (WARNING, with the resume command) or failed (CRITICAL, with the error). Key <c>evolve:RUN_ID:OUTCOME</c>, so a
/// resumed run's "finished" is not folded into its earlier "stopped".
/// </summary>
internal static class EvolveAlerts
{
    /// <summary>How a run ended.</summary>
    public enum Outcome
    {
        /// <summary>Completed.</summary>
        Finished,

        /// <summary>Stopped by Ctrl+C; resumable.</summary>
        Stopped,

        /// <summary>Ended by an error.</summary>
        Failed,
    }

    public static Alert Ended(ResearchDatabase db, string runId, Outcome outcome, string? error = null)
    {
        var mine = EvolutionMetricsReader.Latest(db, runId);
        var failed = mine?.FailedEvaluations ?? 0;
        var name = outcome.ToString().ToLowerInvariant();
        var context = new Dictionary<string, string>(StringComparer.Ordinal) { ["run_id"] = runId, ["outcome"] = name };
        if (mine is not null)
        {
            context["generation"] = F($"{mine.Generation}");
            context["best_fitness"] = F($"{mine.BestFitness:R}");
            context["failed_evaluations"] = F($"{failed}");
        }

        var body = mine is null
            ? "No generation completed."
            : F($"Generation {mine.Generation}: best fitness {mine.BestFitness:0.####}, mean {mine.MeanFitness:0.####}, diversity {mine.Diversity:0.####}, {failed} failed evaluations.");
        body += outcome switch
        {
            Outcome.Stopped => $" Continue with: rp evolve --resume {runId}",
            Outcome.Failed => $" Error: {error}",
            _ => string.Empty,
        };
        var level = outcome switch
        {
            Outcome.Failed => AlertLevel.Critical,
            Outcome.Stopped => AlertLevel.Warning,
            _ => failed > 0 ? AlertLevel.Warning : AlertLevel.Informational,
        };
        return new Alert(level, AlertCategory.Genetic, $"evolve:{runId}:{name}", $"Evolution run {runId} {name}", body, "evolution", context, TimeProvider.System.GetUtcNow());
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
