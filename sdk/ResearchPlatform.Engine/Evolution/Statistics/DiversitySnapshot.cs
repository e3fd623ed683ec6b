namespace ResearchPlatform.Engine.Evolution.Statistics;

/// <summary>How spread out a population is.</summary>
/// <param name="MeanGeneDistance">
/// Mean over all pairs of individuals of their normalised gene distance in [0, 1]: for two individuals of the same seed
/// type, the mean over genes of |a - b| / range (categorical: 0 same choice, 1 different); 1 across seed types.
/// </param>
/// <param name="UniqueIndividuals">Distinct individuals.</param>
/// <param name="SeedTypeCounts">Members per seed type, in the run's seed-type order.</param>
internal sealed record DiversitySnapshot(double MeanGeneDistance, int UniqueIndividuals, IReadOnlyDictionary<string, int> SeedTypeCounts);
