namespace ResearchPlatform.Engine.Evolution.Operators;

/// <summary>The recombination used for real genes (integer and categorical genes always use uniform crossover).</summary>
internal enum CrossoverKind
{
    /// <summary>Simulated binary crossover with bounds (Deb &amp; Agrawal 1995), distribution index <c>eta</c>.</summary>
    Sbx,

    /// <summary>Blend crossover BLX-alpha (Eshelman &amp; Schaffer 1993).</summary>
    Blend,
}
