namespace ResearchPlatform.Engine.Execution.Positions;

/// <summary>The manager's expected position differs from the venue's by more than the tolerance.</summary>
internal sealed record PositionDiscrepancy(string Symbol, decimal Expected, decimal Venue)
{
    public override string ToString() => FormattableString.Invariant($"position {Symbol}: expected {Expected}, venue {Venue}");
}
