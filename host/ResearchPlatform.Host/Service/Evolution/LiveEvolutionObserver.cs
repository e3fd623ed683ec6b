using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Host.Service.Events;
using ResearchPlatform.Host.Service.Trading;

namespace ResearchPlatform.Host.Service.Evolution;

/// <summary>
/// Stores each completed generation of a run started by <c>rp serve</c> (one short workspace-database call, so the API
/// keeps reading between generations) and pushes it as an <c>evolution</c> event with the server's send time.
/// </summary>
internal sealed class LiveEvolutionObserver(WorkspaceDb db, EventHub hub, TimeProvider time, string runId, IReadOnlyList<SeedTypeGenome> genomes) : IEvolutionObserver
{
    public async ValueTask OnGenerationAsync(GenerationSnapshot snapshot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await db.UseAsync(d =>
        {
            new GenerationWriter(d, time, genomes).WriteGeneration(runId, snapshot);
            return 0;
        }, ct);
        var s = snapshot.Stats;
        hub.Publish("evolution", new
        {
            RunId = runId,
            Status = "running",
            s.Generation,
            s.BestFitness,
            s.MeanFitness,
            Diversity = s.Diversity.MeanGeneDistance,
            s.Evaluations,
            FailedEvaluations = s.Failures + s.Timeouts,
            SentAt = time.GetUtcNow(),
        });
    }
}
