namespace ResearchPlatform.Sdk.Decisions;

/// <summary>The strategies to retire (possibly none).</summary>
/// <param name="Retire">Strategy ids to retire.</param>
public sealed record RetirementValue(IReadOnlyList<string> Retire) : DecisionValue
{
    /// <inheritdoc />
    public override string Summary() => Retire.Count == 0 ? "retire none" : "retire " + string.Join(", ", Retire);
}
