namespace ResearchPlatform.Host.Service.Views;

/// <summary>One position adopted from the venue by POST /api/positions/sync: what the order manager expected before.</summary>
internal sealed record PositionSyncView(string StrategyId, string Symbol, double ExpectedBefore, double VenueQuantity);
