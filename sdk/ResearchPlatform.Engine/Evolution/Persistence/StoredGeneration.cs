namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>A <c>generations</c> row: the statistics and the population as individual sequence numbers.</summary>
/// <param name="Stats">The generation's statistics.</param>
/// <param name="Population">Sequence numbers of its members, in population order.</param>
internal sealed record StoredGeneration(GenerationStats Stats, IReadOnlyList<long> Population);
