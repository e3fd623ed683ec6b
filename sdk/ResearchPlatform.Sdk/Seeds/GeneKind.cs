namespace ResearchPlatform.Sdk.Seeds;

/// <summary>How a gene's value is interpreted.</summary>
public enum GeneKind
{
    /// <summary>A real number in [Min, Max].</summary>
    Real,

    /// <summary>A whole number in [Min, Max]; stored as a double with no fractional part.</summary>
    Integer,

    /// <summary>An index into <see cref="GeneSpec.Choices"/>; stored as a double 0..n-1.</summary>
    Categorical,
}
