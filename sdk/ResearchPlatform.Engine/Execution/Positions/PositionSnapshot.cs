namespace ResearchPlatform.Engine.Execution.Positions;

/// <summary>
/// A position at one moment: signed quantity (negative = short), average entry price, realized PnL (before fees),
/// fees paid, funding received (negative = paid), unrealized PnL at <paramref name="MarkPrice"/>.
/// Net PnL = realized + unrealized - fees + funding.
/// </summary>
internal sealed record PositionSnapshot(
    string Symbol,
    decimal Quantity,
    decimal AverageEntryPrice,
    decimal RealizedPnl,
    decimal Fees,
    decimal Funding,
    decimal MarkPrice,
    decimal UnrealizedPnl)
{
    public decimal NetPnl => RealizedPnl + UnrealizedPnl - Fees + Funding;
}
