namespace ResearchPlatform.Engine.Paper.Storage;

/// <summary>One order of a stored paper session, as it ended.</summary>
internal sealed record StoredPaperOrder(
    string SessionId,
    string Strategy,
    string ClientOrderId,
    string Symbol,
    string Side,
    string Type,
    decimal Quantity,
    string State,
    decimal FilledQuantity,
    decimal? AvgFillPrice,
    decimal Fees,
    decimal DecisionPrice,
    DateTimeOffset DecisionTime,
    string? Reason);
