namespace ResearchPlatform.Sdk.Execution;

/// <summary>
/// A tradable instrument and the venue's rules for orders on it. Quantities are in base units, prices in quote units.
/// </summary>
/// <param name="Symbol">Venue symbol, e.g. "BTC".</param>
/// <param name="TickSize">Prices must be a multiple of this.</param>
/// <param name="LotSize">Quantities must be a multiple of this.</param>
/// <param name="MinQuantity">Smallest allowed order quantity.</param>
/// <param name="MaxQuantity">Largest allowed order quantity.</param>
/// <param name="MinNotional">Smallest allowed quantity x price.</param>
public sealed record InstrumentSpec(
    string Symbol,
    decimal TickSize,
    decimal LotSize,
    decimal MinQuantity,
    decimal MaxQuantity,
    decimal MinNotional);
