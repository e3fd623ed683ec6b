namespace ResearchPlatform.Host.Service.Views;

/// <summary>GET /api/risk.</summary>
internal sealed record RiskView(string Level, string Regime, FearGreedView? FearGreed, IReadOnlyList<BreakerView> ActiveBreakers, IReadOnlyList<RiskEventView> Events);
