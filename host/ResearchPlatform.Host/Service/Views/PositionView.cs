namespace ResearchPlatform.Host.Service.Views;

/// <summary>
/// GET /api/positions row, one per strategy and symbol: the order manager's expected position (from the journal's fills)
/// and the venue's account position. <see cref="Reconciliation"/> is <c>matched</c> or <c>mismatch</c>.
/// </summary>
internal sealed record PositionView(
    string StrategyId,
    string Symbol,
    double Quantity,
    double AvgPrice,
    double MarkPrice,
    double UnrealizedPnl,
    bool Reconciled,
    double VenueQuantity,
    double VenueAvgPrice,
    string Reconciliation);
