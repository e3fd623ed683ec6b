namespace ResearchPlatform.Host.Connections;

/// <summary>An operation's outcomes as the optimizer saw them (failures feed connection tuning).</summary>
public sealed record OperationFailureStats(string Operation, long Count, long Failures, long ConsecutiveFailures, string? LastError);
