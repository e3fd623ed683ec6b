using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Engine.Risk.Events;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Alerts;
using ResearchPlatform.Host.Commands.Evolution;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Host.Commands.RiskEvolution;

/// <summary>
/// After a risk-genome run: replays the strategies over all bars, with the market state, under the run's best genome
/// (its breaker trips and level changes raised as alerts) and under the definition's preset, and stores both sets of
/// risk events in <c>risk_events</c> (source kind <c>evolve-risk</c>, source ids <c>RUN/best/S1</c>,
/// <c>RUN/baseline/S1</c>, ...) for <c>rp risk events</c>. Also raises one GENETIC alert naming the run's result.
/// </summary>
internal static class RiskRunEvents
{
    public static void Record(ResearchDatabase db, RiskRunSetup setup, double[] preset, CliAlerting alerts, CliOutput output, CancellationToken ct)
    {
        var runId = setup.Run.RunId;
        var store = new RiskEventStore(db);
        var report = RunReport.Load(db, runId);
        var best = report?.HallOfFame.Count > 0 ? Genes(setup.Definition, report.HallOfFame[0].Genes, preset) : preset;
        var bestCount = Store(store, setup, runId + "/best", best, alerts.Publisher, ct);
        var baseCount = Store(store, setup, runId + "/baseline", preset, null, ct);
        output.Info(string.Create(CultureInfo.InvariantCulture, $"risk events over all bars: best genome {bestCount}, preset {baseCount} (rp risk events --source {runId}/)"));
        var fitness = report?.HallOfFame.Count > 0 ? report.HallOfFame[0].Fitness : null;
        alerts.Publish(new Alert(
            AlertLevel.Informational,
            AlertCategory.Genetic,
            "evolve-risk:" + runId,
            $"Risk-genome run {runId} finished",
            string.Create(CultureInfo.InvariantCulture, $"Best fitness {(fitness is { } f ? f.ToString("0.####", CultureInfo.InvariantCulture) : "n/a")}; {bestCount} risk events of the best genome over all bars."),
            "evolve-risk",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["run_id"] = runId, ["risk_events"] = bestCount.ToString(CultureInfo.InvariantCulture) },
            TimeProvider.System.GetUtcNow()));
    }

    private static int Store(RiskEventStore store, RiskRunSetup setup, string prefix, double[] genes, IAlertPublisher? alerts, CancellationToken ct)
    {
        var genome = RiskGenome.FromGenes(setup.Definition.Genes, genes);
        var events = setup.Evaluator.ReplayEvents(genome, alerts, ct);
        var count = 0;
        foreach (var group in events.GroupBy(e => e.Strategy))
        {
            var source = string.Create(CultureInfo.InvariantCulture, $"{prefix}/S{group.Key + 1}");
            if (store.List(RiskEventStore.EvolveRisk, source).Count == 0)
            {
                count += store.Save(RiskEventStore.EvolveRisk, source, [.. group.Select(e => e.Event)]);
            }
        }

        return count;
    }

    private static double[] Genes(IRiskGenomeDefinition definition, JsonElement stored, double[] fallback)
    {
        if (stored.ValueKind != JsonValueKind.Object)
        {
            return fallback;
        }

        var genes = (double[])fallback.Clone();
        for (var i = 0; i < definition.Genes.Count; i++)
        {
            if (stored.TryGetProperty(definition.Genes[i].Name, out var v) && v.ValueKind == JsonValueKind.Number)
            {
                genes[i] = v.GetDouble();
            }
        }

        return genes;
    }
}
