namespace ResearchPlatform.Sdk.Risk;

/// <summary>
/// The risk manager's answer for one order: approve, resize to <see cref="ApprovedQuantity"/>, or reject with
/// <see cref="Reason"/>, plus every check with its numbers (for the decision log and dashboard).
/// </summary>
/// <param name="Decision">Approve, resize or reject.</param>
/// <param name="RequestedQuantity">Signed quantity asked for (positive buys, negative sells).</param>
/// <param name="ApprovedQuantity">Signed quantity allowed: equal to requested on approve, smaller in size on resize, 0 on reject.</param>
/// <param name="Level">The risk level the order was judged under.</param>
/// <param name="Reason">Why it was resized or rejected; empty on approve.</param>
/// <param name="Checks">Every limit checked, in order.</param>
public sealed record TradeRiskVerdict(
    RiskDecision Decision,
    double RequestedQuantity,
    double ApprovedQuantity,
    RiskLevel Level,
    string Reason,
    IReadOnlyList<RiskCheck> Checks)
{
    /// <summary>An approval of <paramref name="quantity"/>.</summary>
    public static TradeRiskVerdict Approve(double quantity, RiskLevel level, IReadOnlyList<RiskCheck> checks) =>
        new(RiskDecision.Approve, quantity, quantity, level, string.Empty, checks);

    /// <summary>A resize from <paramref name="requested"/> to <paramref name="approved"/>.</summary>
    public static TradeRiskVerdict Resize(double requested, double approved, RiskLevel level, string reason, IReadOnlyList<RiskCheck> checks) =>
        new(RiskDecision.Resize, requested, approved, level, reason, checks);

    /// <summary>A rejection of <paramref name="requested"/>.</summary>
    public static TradeRiskVerdict Reject(double requested, RiskLevel level, string reason, IReadOnlyList<RiskCheck> checks) =>
        new(RiskDecision.Reject, requested, 0, level, reason, checks);
}
