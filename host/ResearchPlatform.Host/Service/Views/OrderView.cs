namespace ResearchPlatform.Host.Service.Views;

/// <summary>GET /api/orders row and the <c>order</c> event.</summary>
internal sealed record OrderView(
    string ClientOrderId,
    string StrategyId,
    string Symbol,
    string Side,
    string Type,
    double Quantity,
    double? Price,
    string Status,
    double FilledQuantity,
    double? AvgFillPrice,
    double? SlippageBps,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
