namespace ResearchPlatform.Sdk.Decisions;

/// <summary>Candidate strategies approved for live trading and those rejected.</summary>
/// <param name="Approved">Approved strategy ids.</param>
/// <param name="Rejected">Rejected strategy ids.</param>
public sealed record ApprovalValue(IReadOnlyList<string> Approved, IReadOnlyList<string> Rejected) : DecisionValue
{
    /// <inheritdoc />
    public override string Summary() =>
        $"approve [{string.Join(", ", Approved)}] reject [{string.Join(", ", Rejected)}]";
}
