namespace ResearchPlatform.Engine.Risk;

/// <summary>One open position as the risk manager sees it (research-path doubles; the money path converts at its boundary).</summary>
/// <param name="Symbol">Instrument, e.g. "BTC".</param>
/// <param name="Quantity">Signed quantity: positive long, negative short.</param>
/// <param name="MarkPrice">Current mark price.</param>
internal readonly record struct PositionSnapshot(string Symbol, double Quantity, double MarkPrice)
{
    /// <summary>Absolute notional value.</summary>
    public double Notional => Math.Abs(Quantity * MarkPrice);
}
