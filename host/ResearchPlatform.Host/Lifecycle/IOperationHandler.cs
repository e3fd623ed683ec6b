namespace ResearchPlatform.Host.Lifecycle;

/// <summary>
/// One named operation of the trading system (fear_greed, risk_evaluation, paper_trade, monitoring, decisions,
/// evolution) that <see cref="TradingSystemManager.ExecuteOperationAsync"/> runs, times and records.
/// </summary>
public interface IOperationHandler
{
    string Name { get; }

    /// <summary>Runs the operation; the result is serialized as JSON by callers. Throws on failure.</summary>
    Task<object?> ExecuteAsync(IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken);
}
