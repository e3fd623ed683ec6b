namespace ResearchPlatform.Plugins.Hyperliquid.Exchange;

/// <summary>
/// One order as the exchange takes it: asset id, side, price and size already rounded (they are formatted with
/// float_to_wire), reduce-only, and either a TIF ("Gtc", "Ioc", "Alo") or a trigger (isMarket, triggerPx, "tp"|"sl").
/// </summary>
internal sealed record OrderWire(
    int Asset,
    bool IsBuy,
    decimal Price,
    decimal Size,
    bool ReduceOnly,
    string? Tif,
    bool TriggerIsMarket = false,
    decimal? TriggerPrice = null,
    string? Tpsl = null,
    string? Cloid = null);
