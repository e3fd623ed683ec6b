using ResearchPlatform.Engine.Execution.Quality;
using ResearchPlatform.Engine.Execution.Retry;

namespace ResearchPlatform.Engine.Execution;

/// <summary>Order manager settings.</summary>
internal sealed record OrderManagerOptions
{
    /// <summary>Client order ids are "{prefix}-{sequence:D8}"; use one prefix per session or strategy.</summary>
    public string ClientIdPrefix { get; init; } = "O";

    /// <summary>Retry policy for venue calls.</summary>
    public ExchangeRetryOptions Retry { get; init; } = new();

    /// <summary>Execution quality grade thresholds.</summary>
    public ExecutionQualityThresholds Quality { get; init; } = new();

    /// <summary>Largest |expected - venue| position difference that is not a discrepancy.</summary>
    public decimal PositionTolerance { get; init; }
}
