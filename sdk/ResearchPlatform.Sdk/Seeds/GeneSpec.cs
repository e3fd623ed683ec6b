namespace ResearchPlatform.Sdk.Seeds;

/// <summary>
/// One gene of a seed type: its name, kind and the safe search bounds for crypto. Values given explicitly by a user may
/// lie outside [Min, Max] (the host warns) but must pass <see cref="ISeedType.Validate"/>.
/// </summary>
/// <param name="Name">Gene name, snake_case, unique within the seed type.</param>
/// <param name="Kind">Real, integer or categorical.</param>
/// <param name="Min">Lower search bound (inclusive).</param>
/// <param name="Max">Upper search bound (inclusive).</param>
/// <param name="Default">Default value.</param>
/// <param name="Description">What the gene controls.</param>
public sealed record GeneSpec(string Name, GeneKind Kind, double Min, double Max, double Default, string Description)
{
    /// <summary>For <see cref="GeneKind.Categorical"/>: the choice names; the gene value is the index.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];
}
