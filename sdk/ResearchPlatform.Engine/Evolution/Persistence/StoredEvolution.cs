using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>
/// Runs an evolution whose every completed generation lands in DuckDB, and resumes one from its last completed
/// generation. A cancelled run is marked stopped, a crashed one failed; both resume to the same result an uninterrupted
/// run gives (the RNG of generation g is derived from the seed and g, see <see cref="RunRandom"/>).
/// </summary>
internal sealed class StoredEvolution
{
    private readonly ResearchDatabase _db;
    private readonly TimeProvider _time;
    private readonly EvolutionRunStore _runs;

    public StoredEvolution(ResearchDatabase db, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        _db = db;
        _time = time;
        _runs = new EvolutionRunStore(db, time);
    }

    /// <summary>Runs <paramref name="problem"/> as the stored run <paramref name="run"/> (already created).</summary>
    public Task<EvolutionResult> RunAsync(EvolutionRunRecord run, EvolutionProblem problem, IFitnessEvaluator evaluator, IEvolutionObserver? progress, CancellationToken ct) =>
        ExecuteAsync(run, problem, evaluator, run.Config.Evolution, null, progress, ct);

    /// <summary>
    /// Continues run <paramref name="run"/> from its last completed generation (from the start when none completed).
    /// <paramref name="threads"/> may differ from the original run: results do not depend on it.
    /// </summary>
    public Task<EvolutionResult> ResumeAsync(EvolutionRunRecord run, EvolutionProblem problem, IFitnessEvaluator evaluator, int threads, IEvolutionObserver? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(problem);
        if (run.Status == EvolutionRunStatus.Completed)
        {
            throw new EvolutionConfigurationException($"run {run.RunId} is already completed");
        }

        var options = run.Config.Evolution with { Threads = threads };
        var plan = problem.GenerationPlan(options.Threads, options.EvaluateTestWindows);
        var checkpoint = new RunReader(_db).Checkpoint(run.RunId, plan, problem.SeedTypes);
        return ExecuteAsync(run, problem, evaluator, options, checkpoint, progress, ct);
    }

    private async Task<EvolutionResult> ExecuteAsync(
        EvolutionRunRecord run, EvolutionProblem problem, IFitnessEvaluator evaluator, EvolutionOptions options, EvolutionCheckpoint? checkpoint, IEvolutionObserver? progress, CancellationToken ct)
    {
        var writer = new GenerationWriter(_db, _time, problem.SeedTypes);
        var observer = new PersistingObserver(writer, run.RunId, progress);
        var engine = new EvolutionEngine(evaluator, _time);
        _runs.SetStatus(run.RunId, EvolutionRunStatus.Running);
        try
        {
            var result = checkpoint is null
                ? await engine.RunAsync(problem, options, observer, ct)
                : await engine.ResumeAsync(problem, options, checkpoint, observer, ct);
            writer.WriteResult(run.RunId, result);
            return result;
        }
        catch (OperationCanceledException)
        {
            _runs.SetStatus(run.RunId, EvolutionRunStatus.Stopped);
            throw;
        }
        catch (Exception)
        {
            _runs.SetStatus(run.RunId, EvolutionRunStatus.Failed);
            throw;
        }
    }
}
