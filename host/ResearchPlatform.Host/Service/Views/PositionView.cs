namespace ResearchPlatform.Host.Service.Views;

/// <summary>GET /api/positions row (one per strategy and symbol; venue quantity from the strategy's venue).</summary>
internal sealed record PositionView(string StrategyId, string Symbol, double Quantity, double AvgPrice, double MarkPrice, double UnrealizedPnl, bool Reconciled, double VenueQuantity);
