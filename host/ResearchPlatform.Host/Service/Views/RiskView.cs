namespace ResearchPlatform.Host.Service.Views;

/// <summary>GET /api/risk.</summary>
/// <remarks><paramref name="Regime"/> is the regime detector's regime (bull_stable, bull_volatile, bear_stable, bear_volatile, sideways, or unknown without replay data); <paramref name="Market"/> the features behind it.</remarks>
internal sealed record RiskView(string Level, string Regime, FearGreedView? FearGreed, IReadOnlyList<BreakerView> ActiveBreakers, IReadOnlyList<RiskEventView> Events, RegimeView? Market = null);
