using System.Globalization;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Operators;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>Every rate and size of a run, with the documented defaults. <see cref="Validate"/> reports all bad fields at once.</summary>
internal sealed record EvolutionOptions
{
    /// <summary>Individuals per generation.</summary>
    public int PopulationSize { get; init; } = 200;

    /// <summary>Generations including the initial one (generation 0).</summary>
    public int Generations { get; init; } = 30;

    /// <summary>The run's seed; recorded with the run.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Tournament size.</summary>
    public int TournamentSize { get; init; } = 3;

    /// <summary>Share of the population carried unchanged (composite mode).</summary>
    public double EliteRatio { get; init; } = 0.2;

    /// <summary>Probability that a pair of parents is recombined.</summary>
    public double CrossoverRate { get; init; } = 0.8;

    /// <summary>Per-gene mutation probability.</summary>
    public double MutationRate { get; init; } = 0.1;

    /// <summary>Gaussian mutation sigma as a share of the gene's range.</summary>
    public double MutationScale { get; init; } = 0.1;

    /// <summary>Recombination of real genes.</summary>
    public CrossoverKind Crossover { get; init; } = CrossoverKind.Sbx;

    /// <summary>SBX distribution index (larger = children closer to parents).</summary>
    public double SbxEta { get; init; } = 15;

    /// <summary>BLX-alpha widening.</summary>
    public double BlendAlpha { get; init; } = 0.5;

    /// <summary>Mean gene distance below which diversity has collapsed.</summary>
    public double DiversityFloor { get; init; } = 0.05;

    /// <summary>Share of distinct individuals below which diversity has collapsed.</summary>
    public double UniqueFloor { get; init; } = 0.5;

    /// <summary>Selection-side niching in composite mode (default: speciation by seed type).</summary>
    public NichingMode Niching { get; init; } = NichingMode.Species;

    /// <summary>Speciation: minimum share of the offspring bred within each seed type still present (capped at 1 / types).</summary>
    public double NicheQuota { get; init; } = 0.1;

    /// <summary>Fitness sharing: normalised gene distance within which members of a seed type share their fitness.</summary>
    public double SharingRadius { get; init; } = 0.1;

    /// <summary>Share of the next generation replaced by random immigrants after a collapse.</summary>
    public double ImmigrantRatio { get; init; } = 0.2;

    /// <summary>Stop when the best fitness has not improved for this many generations (0 = never).</summary>
    public int StagnationGenerations { get; init; } = 10;

    /// <summary>Improvement smaller than this counts as none.</summary>
    public double StagnationTolerance { get; init; } = 1e-9;

    /// <summary>Stop after a generation once this much wall-clock time (of this session) has passed.</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>Composite (elitist GA) or Pareto (NSGA-II).</summary>
    public EvolutionObjective Objective { get; init; } = EvolutionObjective.Composite;

    /// <summary>First NSGA-II objective.</summary>
    public ObjectiveMetric Objective1 { get; init; } = ObjectiveMetric.Sharpe;

    /// <summary>Second NSGA-II objective.</summary>
    public ObjectiveMetric Objective2 { get; init; } = ObjectiveMetric.NegMaxDrawdown;

    /// <summary>Initial share per seed type id (relative weights); null = equal.</summary>
    public IReadOnlyDictionary<string, double>? SeedTypeWeights { get; init; }

    /// <summary>Evaluation threads handed to the evaluator.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Distinct individuals kept in the hall of fame.</summary>
    public int HallOfFameSize { get; init; } = 20;

    /// <summary>
    /// Hall-of-fame members of one seed type must differ by at least this normalised gene distance (mean |Δ| / range),
    /// so the hall of fame holds distinct strategies rather than near-copies of the best; 0 keeps exact distinctness only.
    /// </summary>
    public double HallOfFameMinDistance { get; init; } = 0.05;

    /// <summary>
    /// Hall-of-fame places reserved for each seed type present in the final population (its best members that pass the
    /// minimum distance), so the hall of fame spans the families; the remaining places go by fitness. 0 = fitness only.
    /// </summary>
    public int HallOfFamePerType { get; init; } = 1;

    /// <summary>Composite fitness weights.</summary>
    public CompositeFitnessOptions Fitness { get; init; } = new();

    /// <summary>Also evaluate test windows each generation, so every stored individual carries out-of-sample metrics.</summary>
    public bool EvaluateTestWindows { get; init; } = true;

    /// <summary>Random redraws tried before giving up on a gene vector the seed type rejects.</summary>
    public int MaxRepairAttempts { get; init; } = 20;

    /// <summary>Every invalid field, named; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string field, object? value, string rule)
        {
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field} {rule} (was {value})"));
            }
        }

        Check(PopulationSize >= 4, "population", PopulationSize, "must be at least 4");
        Check(Generations >= 1, "generations", Generations, "must be at least 1");
        Check(TournamentSize >= 1 && TournamentSize <= PopulationSize, "tournament_size", TournamentSize, "must be in [1, population]");
        Check(EliteRatio is >= 0 and < 1, "elite_ratio", EliteRatio, "must be in [0, 1)");
        Check(CrossoverRate is >= 0 and <= 1, "crossover_rate", CrossoverRate, "must be in [0, 1]");
        Check(MutationRate is >= 0 and <= 1, "mutation_rate", MutationRate, "must be in [0, 1]");
        Check(MutationScale is > 0 and <= 1, "mutation_scale", MutationScale, "must be in (0, 1]");
        Check(SbxEta is >= 0 and <= 1000, "sbx_eta", SbxEta, "must be in [0, 1000]");
        Check(BlendAlpha is >= 0 and <= 2, "blend_alpha", BlendAlpha, "must be in [0, 2]");
        Check(DiversityFloor is >= 0 and <= 1, "diversity_floor", DiversityFloor, "must be in [0, 1]");
        Check(UniqueFloor is >= 0 and <= 1, "unique_floor", UniqueFloor, "must be in [0, 1]");
        Check(ImmigrantRatio is >= 0 and < 1, "immigrant_ratio", ImmigrantRatio, "must be in [0, 1)");
        Check(StagnationGenerations >= 0, "stagnation", StagnationGenerations, "must be >= 0");
        Check(StagnationTolerance >= 0, "stagnation_tolerance", StagnationTolerance, "must be >= 0");
        Check(TimeBudget is null || TimeBudget > TimeSpan.Zero, "time_budget", TimeBudget, "must be positive");
        Check(Threads >= 1, "threads", Threads, "must be at least 1");
        Check(HallOfFameSize >= 1, "hall_of_fame", HallOfFameSize, "must be at least 1");
        Check(HallOfFameMinDistance is >= 0 and <= 1, "hall_of_fame_min_distance", HallOfFameMinDistance, "must be in [0, 1]");
        Check(HallOfFamePerType >= 0, "hall_of_fame_per_type", HallOfFamePerType, "must be >= 0");
        Check(NicheQuota is >= 0 and <= 1, "niche_quota", NicheQuota, "must be in [0, 1]");
        Check(SharingRadius is > 0 and <= 1, "sharing_radius", SharingRadius, "must be in (0, 1]");
        Check(MaxRepairAttempts >= 1, "max_repair_attempts", MaxRepairAttempts, "must be at least 1");
        Check(Objective1 != Objective2 || Objective != EvolutionObjective.Pareto, "objectives", Objective1, "must be two different metrics");
        if (SeedTypeWeights is not null)
        {
            foreach (var (id, w) in SeedTypeWeights)
            {
                Check(double.IsFinite(w) && w >= 0, $"seed_type_weights[{id}]", w, "must be finite and >= 0");
            }
        }

        errors.AddRange(Fitness.Validate());
        return errors;
    }
}
