namespace ResearchPlatform.Engine.Risk;

/// <summary>The portfolio at one instant: equity (cash + unrealised PnL) and the open positions.</summary>
/// <param name="Equity">Account equity in quote currency.</param>
/// <param name="Positions">Open positions, at most one per symbol.</param>
internal sealed record PortfolioSnapshot(double Equity, IReadOnlyList<PositionSnapshot> Positions)
{
    /// <summary>Sum of absolute position notionals.</summary>
    public double TotalExposure()
    {
        var sum = 0.0;
        for (var i = 0; i < Positions.Count; i++)
        {
            sum += Positions[i].Notional;
        }

        return sum;
    }

    /// <summary>The signed quantity held in <paramref name="symbol"/>, 0 when flat.</summary>
    public double QuantityOf(string symbol)
    {
        for (var i = 0; i < Positions.Count; i++)
        {
            if (string.Equals(Positions[i].Symbol, symbol, StringComparison.Ordinal))
            {
                return Positions[i].Quantity;
            }
        }

        return 0;
    }
}
