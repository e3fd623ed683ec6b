namespace ResearchPlatform.Engine.Evolution.Operators;

/// <summary>How selection keeps seed-type families (niches) alive in composite mode (NSGA-II has its crowding distance).</summary>
internal enum NichingMode
{
    /// <summary>Plain tournament over the whole population: the fittest family may take it over.</summary>
    None,

    /// <summary>
    /// Speciation by seed type: every seed type still present gets a minimum quota of the offspring (parents drawn by
    /// tournament within the species) and its best member is kept as an elite.
    /// </summary>
    Species,

    /// <summary>
    /// Fitness sharing (Goldberg &amp; Richardson 1987): selection sees fitness divided by the niche count
    /// sum(1 - d / radius) over members of the same seed type closer than the sharing radius.
    /// </summary>
    Sharing,
}
