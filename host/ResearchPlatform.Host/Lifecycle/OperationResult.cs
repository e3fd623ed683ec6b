namespace ResearchPlatform.Host.Lifecycle;

/// <summary>The outcome of one <see cref="TradingSystemManager.ExecuteOperationAsync"/> call.</summary>
public sealed record OperationResult(string Operation, bool Succeeded, object? Result, string? Error, double ElapsedMs);
