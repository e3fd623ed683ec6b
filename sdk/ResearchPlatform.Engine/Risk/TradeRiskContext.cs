namespace ResearchPlatform.Engine.Risk;

/// <summary>What <see cref="RiskManager.EvaluateTradeRisk"/> needs besides the order.</summary>
/// <param name="Portfolio">The portfolio now.</param>
/// <param name="HasApproval">True when the decision engine approved this order (needed at HIGH).</param>
internal sealed record TradeRiskContext(PortfolioSnapshot Portfolio, bool HasApproval = false);
