namespace ResearchPlatform.Sdk.Decisions;

/// <summary>Whether all trading must stop.</summary>
/// <param name="Shutdown">True to stop trading.</param>
public sealed record ShutdownValue(bool Shutdown) : DecisionValue
{
    /// <inheritdoc />
    public override string Summary() => Shutdown ? "SHUTDOWN" : "keep trading";
}
