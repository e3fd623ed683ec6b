using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>
/// The GA settings of a run as given (null = the engine's documented default), from the command line of <c>rp evolve</c> or
/// the body of <c>POST /api/evolution/runs</c>. <see cref="ApplyTo"/> is the one mapping and check both use, so a setting
/// means the same and is refused for the same reason wherever it comes from; errors name the setting through the caller's
/// label (<c>--elite-ratio</c> on the command line, <c>field 'elite_ratio'</c> in the API).
/// </summary>
internal sealed record TuningValues
{
    public int? TournamentSize { get; init; }

    public double? EliteRatio { get; init; }

    public double? CrossoverRate { get; init; }

    /// <summary>sbx or blend.</summary>
    public string? Crossover { get; init; }

    public double? MutationRate { get; init; }

    public double? MutationScale { get; init; }

    public double? ImmigrantRatio { get; init; }

    public double? DiversityFloor { get; init; }

    public int? HallOfFame { get; init; }

    /// <summary>Two metrics, comma-separated (<c>sharpe,neg_max_drawdown</c>); only with the pareto objective.</summary>
    public string? ParetoMetrics { get; init; }

    /// <summary><c>key=weight</c> pairs, comma-separated, over the defaults (<see cref="EvolveTuning.FitnessKeys"/>).</summary>
    public string? FitnessWeights { get; init; }

    /// <summary>Seed type ids, comma-separated, each optionally <c>id=weight</c> (the initial population share).</summary>
    public string? SeedTypes { get; init; }

    public int? MinTrades { get; init; }

    /// <summary>species, sharing or none.</summary>
    public string? Niching { get; init; }

    public double? NicheQuota { get; init; }

    public double? SharingRadius { get; init; }

    public double? HofMinDistance { get; init; }

    public int? HofPerType { get; init; }

    /// <summary>
    /// <paramref name="options"/> with these settings; <paramref name="seedIds"/> are the chosen seed types as the plugins
    /// spell them, in the order of <see cref="SeedTypes"/>. <paramref name="label"/> turns an option name
    /// (<c>--fitness-weights</c>) into the name errors use (identity by default). Throws <see cref="BadInputException"/>.
    /// </summary>
    public EvolutionOptions ApplyTo(EvolutionOptions options, IReadOnlyList<string> seedIds, Func<string, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(seedIds);
        var l = label ?? (n => n);
        var objectives = EvolveTuning.ParseMetrics(ParetoMetrics, options.Objective, l);
        var fitness = MinTrades is { } m ? options.Fitness with { MinTrades = m } : options.Fitness;
        return options with
        {
            TournamentSize = TournamentSize ?? options.TournamentSize,
            EliteRatio = EliteRatio ?? options.EliteRatio,
            CrossoverRate = CrossoverRate ?? options.CrossoverRate,
            Crossover = Choice(Crossover, options.Crossover, l("--crossover"), "sbx", "blend"),
            MutationRate = MutationRate ?? options.MutationRate,
            MutationScale = MutationScale ?? options.MutationScale,
            ImmigrantRatio = ImmigrantRatio ?? options.ImmigrantRatio,
            DiversityFloor = DiversityFloor ?? options.DiversityFloor,
            HallOfFameSize = HallOfFame ?? options.HallOfFameSize,
            Objective1 = objectives?.First ?? options.Objective1,
            Objective2 = objectives?.Second ?? options.Objective2,
            SeedTypeWeights = EvolveTuning.SeedTypeWeights(SeedTypes, seedIds, l("--seed-types")) ?? options.SeedTypeWeights,
            Fitness = EvolveTuning.ParseFitness(FitnessWeights, fitness, l("--fitness-weights")),
            Niching = Choice(Niching, options.Niching, l("--niching"), "species", "sharing", "none"),
            NicheQuota = NicheQuota ?? options.NicheQuota,
            SharingRadius = SharingRadius ?? options.SharingRadius,
            HallOfFameMinDistance = HofMinDistance ?? options.HallOfFameMinDistance,
            HallOfFamePerType = HofPerType ?? options.HallOfFamePerType,
        };
    }

    private static T Choice<T>(string? text, T fallback, string what, params string[] allowed)
        where T : struct, Enum
    {
        if (text is null)
        {
            return fallback;
        }

        return allowed.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase)
            ? Enum.Parse<T>(text.Trim(), ignoreCase: true)
            : throw new BadInputException($"{what}: '{text}' is not {string.Join(" or ", allowed)}");
    }
}
