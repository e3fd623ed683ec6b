namespace ResearchPlatform.Engine.Execution.Quality;

/// <summary>
/// How well one order executed. Slippage is in bps, positive = worse than the reference (paid more on a buy, received
/// less on a sell). Latencies are null when the step did not happen.
/// </summary>
internal sealed record ExecutionQuality(
    string ClientOrderId,
    decimal FillRatio,
    decimal? AverageFillPrice,
    decimal? SlippageVsDecisionBps,
    decimal? SlippageVsArrivalBps,
    TimeSpan? SignalToSubmit,
    TimeSpan? SubmitToAck,
    TimeSpan? AckToFirstFill,
    decimal MakerFraction,
    decimal Fees,
    ExecutionGrade Grade);
