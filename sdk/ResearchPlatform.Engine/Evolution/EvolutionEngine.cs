using System.Globalization;
using ResearchPlatform.Engine.Evolution.Fitness;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>
/// The genetic strategy pool: evolves a population over seed types on walk-forward training windows, stops on
/// generation count, stagnation or wall-clock budget (from the injected <see cref="TimeProvider"/>), and reports the hall
/// of fame with out-of-sample and hold-out metrics. Cancellation throws after the last completed generation, which the
/// observer has already seen, so the run can be resumed from it.
/// </summary>
internal sealed class EvolutionEngine
{
    private readonly IFitnessEvaluator _evaluator;
    private readonly TimeProvider _time;

    public EvolutionEngine(IFitnessEvaluator evaluator, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(time);
        _evaluator = evaluator;
        _time = time;
    }

    /// <summary>Runs a new evolution.</summary>
    public Task<EvolutionResult> RunAsync(EvolutionProblem problem, EvolutionOptions options, IEvolutionObserver? observer, CancellationToken ct) =>
        RunCoreAsync(problem, options, null, observer, ct);

    /// <summary>Continues a run from its last completed generation; the outcome equals that of an uninterrupted run.</summary>
    public Task<EvolutionResult> ResumeAsync(
        EvolutionProblem problem, EvolutionOptions options, EvolutionCheckpoint checkpoint, IEvolutionObserver? observer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return RunCoreAsync(problem, options, checkpoint, observer, ct);
    }

    /// <summary>Every configuration problem of a run, named; empty when it can start.</summary>
    public static IReadOnlyList<string> Validate(EvolutionProblem problem, EvolutionOptions options, EvolutionCheckpoint? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(options.Validate());
        if (problem.SeedTypes.Count == 0)
        {
            errors.Add("seed_types: at least one seed type is required");
        }

        foreach (var dup in problem.SeedTypes.GroupBy(g => g.SeedTypeId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"seed_types: '{dup.Key}' is listed more than once");
        }

        errors.AddRange(problem.SeedTypes.SelectMany(g => g.ValidateSpecs()));
        if (options.SeedTypeWeights is { } weights)
        {
            errors.AddRange(weights.Keys.Where(k => problem.SeedTypes.All(g => g.SeedTypeId != k)).Select(k => $"seed_type_weights: unknown seed type '{k}'"));
            if (problem.SeedTypes.All(g => weights.GetValueOrDefault(g.SeedTypeId) <= 0))
            {
                errors.Add("seed_type_weights: every seed type has weight 0");
            }
        }

        if (!(problem.PeriodsPerYear > 0))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"periods_per_year must be positive (was {problem.PeriodsPerYear})"));
        }

        if (checkpoint is not null)
        {
            if (checkpoint.Population.Count != options.PopulationSize)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"checkpoint has {checkpoint.Population.Count} members, the run's population is {options.PopulationSize}"));
            }

            if (checkpoint.History.Count != checkpoint.Generation + 1)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"checkpoint generation {checkpoint.Generation} has {checkpoint.History.Count} statistics rows"));
            }
        }

        return errors;
    }

    private async Task<EvolutionResult> RunCoreAsync(
        EvolutionProblem problem, EvolutionOptions options, EvolutionCheckpoint? checkpoint, IEvolutionObserver? observer, CancellationToken ct)
    {
        var errors = Validate(problem, options, checkpoint);
        if (errors.Count > 0)
        {
            throw new EvolutionConfigurationException(errors);
        }

        var run = new EvolutionRun(problem, options, _evaluator, _time);
        var population = checkpoint is null
            ? await run.InitialGenerationAsync(observer, ct)
            : run.Restore(checkpoint);
        TerminationReason? reason;
        while ((reason = run.CheckTermination()) is null)
        {
            ct.ThrowIfCancellationRequested();
            population = await run.NextGenerationAsync(population, observer, ct);
        }

        return await RunSummarizer.SummarizeAsync(run, problem, options, population, reason.Value, ct);
    }
}
