namespace ResearchPlatform.Engine.Risk;

/// <summary>An order to be checked before it goes out.</summary>
/// <param name="Symbol">Instrument.</param>
/// <param name="Quantity">Signed quantity: positive buys, negative sells.</param>
/// <param name="Price">Expected execution price (limit or mark).</param>
internal sealed record OrderIntent(string Symbol, double Quantity, double Price);
