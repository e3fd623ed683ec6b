namespace ResearchPlatform.Engine.Execution.Simulated;

/// <summary>How many faults the simulated venue injected, by kind.</summary>
internal sealed record VenueFaultCounts(long Timeouts, long DroppedAcks, long RateLimited, long ServerErrors, long DuplicateFills, long Reordered);
