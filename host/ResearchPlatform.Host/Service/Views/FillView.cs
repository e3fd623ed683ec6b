namespace ResearchPlatform.Host.Service.Views;

/// <summary>GET /api/fills row.</summary>
internal sealed record FillView(string ClientOrderId, string StrategyId, string Symbol, string Side, double Quantity, double Price, double Fee, string Liquidity, DateTimeOffset T);
