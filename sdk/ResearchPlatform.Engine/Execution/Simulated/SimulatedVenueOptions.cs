using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Simulated;

/// <summary>
/// Simulated venue settings. Fees default to Hyperliquid's base tier (taker 4.5 bps, maker 1.5 bps). Taker fills pay
/// <c>SlippageBps + ImpactBps x (fill quantity / bar volume)</c> against them. Each bar fills at most
/// <c>ParticipationCap x bar volume</c> per symbol across all orders. Latency (fixed + uniform jitter, seeded) moves a
/// <see cref="SimulatedClock"/> forward on every request.
/// </summary>
internal sealed record SimulatedVenueOptions
{
    public IReadOnlyList<InstrumentSpec> Instruments { get; init; } = [];

    public decimal TakerFeeRate { get; init; } = 0.00045m;

    public decimal MakerFeeRate { get; init; } = 0.00015m;

    public decimal SlippageBps { get; init; } = 1m;

    public decimal ImpactBps { get; init; } = 10m;

    public decimal ParticipationCap { get; init; } = 0.1m;

    public TimeSpan LatencyFixed { get; init; } = TimeSpan.FromMilliseconds(20);

    public TimeSpan LatencyJitter { get; init; } = TimeSpan.FromMilliseconds(30);

    public int Seed { get; init; } = 5;

    /// <summary>
    /// Perp funding rate per <see cref="FundingInterval"/> (Hyperliquid: hourly): at each interval boundary every open
    /// position pays quantity x mark x rate (longs pay a positive rate, shorts receive it); 0 = no funding.
    /// </summary>
    public decimal FundingRate { get; init; }

    /// <summary>Funding rate per boundary time, overriding <see cref="FundingRate"/> where present (rates from data).</summary>
    public IReadOnlyDictionary<DateTimeOffset, decimal>? FundingRates { get; init; }

    /// <summary>Funding rate of a symbol at a boundary time (a venue's own schedule); when set it decides every rate.</summary>
    public Func<string, DateTimeOffset, decimal>? FundingSchedule { get; init; }

    public TimeSpan FundingInterval { get; init; } = TimeSpan.FromHours(1);

    public string QuoteAsset { get; init; } = "USDC";

    public decimal StartingCash { get; init; } = 100_000m;

    public VenueFaultOptions Faults { get; init; } = VenueFaultOptions.None;

    /// <summary>Lists every invalid field at once.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(Faults.Validate());
        if (Instruments.Count == 0)
        {
            problems.Add("instruments: at least one is required");
        }

        if (TakerFeeRate < 0 || MakerFeeRate < -TakerFeeRate)
        {
            problems.Add("fees: taker must be >= 0 and a maker rebate no larger than the taker fee");
        }

        if (SlippageBps < 0 || ImpactBps < 0)
        {
            problems.Add("slippage_bps, impact_bps: must be >= 0");
        }

        if (ParticipationCap is <= 0 or > 1)
        {
            problems.Add("participation_cap: must be within (0, 1]");
        }

        if (LatencyFixed < TimeSpan.Zero || LatencyJitter < TimeSpan.Zero)
        {
            problems.Add("latency: must be >= 0");
        }

        if (FundingInterval <= TimeSpan.Zero)
        {
            problems.Add("funding_interval: must be > 0");
        }

        return problems;
    }
}
