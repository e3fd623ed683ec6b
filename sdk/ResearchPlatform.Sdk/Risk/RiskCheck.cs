namespace ResearchPlatform.Sdk.Risk;

/// <summary>One limit checked for an order: the value the order would produce against the limit, both as stated units.</summary>
/// <param name="Name">Check name, e.g. "max_position_size_pct".</param>
/// <param name="Value">The value after the order as requested (e.g. position notional / equity).</param>
/// <param name="Limit">The limit in the same unit.</param>
/// <param name="Passed">True when the requested order respects the limit.</param>
public sealed record RiskCheck(string Name, double Value, double Limit, bool Passed);
