using System.Globalization;
using System.Text.Json.Serialization;
using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// Settings of an accelerated replay. Each strategy trades its own sub-account of <see cref="InitialCash"/> on its own
/// simulated venue (same fees, slippage, participation cap and latency model), so strategies never share fills.
/// </summary>
internal sealed record PaperOptions
{
    public decimal InitialCash { get; init; } = 10_000m;

    public PaperSizing Sizing { get; init; } = PaperSizing.Fraction;

    /// <summary>Units at |target| = 1 for <see cref="PaperSizing.FixedUnits"/>.</summary>
    public decimal Units { get; init; } = 1m;

    /// <summary>Risk genome for the sizer and the pre-trade check; null = no risk manager (orders pass unchanged).</summary>
    public RiskGenome? Risk { get; init; }

    /// <summary>Where the risk managers raise breaker trips and level changes (none by default; not stored with the session).</summary>
    [JsonIgnore]
    public IAlertPublisher? Alerts { get; init; }

    /// <summary>
    /// Market state at each bar's close (volatility percentile, lagged Fear &amp; Greed, regime) for the risk managers, so the
    /// volatility and sentiment breakers work; null = unknown (those breakers stay idle). Not stored with the session.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<MarketState>? Market { get; init; }

    /// <summary>
    /// Where <see cref="Market"/> came from (stored with the session, so a resumed session rebuilds the same states):
    /// null = no market state, <c>workspace</c> = the workspace's Fear &amp; Greed readings, else the Fear &amp; Greed file's path.
    /// </summary>
    public string? MarketSource { get; init; }

    public decimal TakerFeeRate { get; init; } = 0.00045m;

    public decimal MakerFeeRate { get; init; } = 0.00015m;

    public decimal SlippageBps { get; init; } = 1m;

    public decimal ImpactBps { get; init; } = 10m;

    /// <summary>Largest share of a bar's volume one strategy's orders may take, in (0, 1].</summary>
    public decimal ParticipationCap { get; init; } = 0.1m;

    public TimeSpan LatencyFixed { get; init; } = TimeSpan.FromMilliseconds(20);

    public TimeSpan LatencyJitter { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Price tick of the instrument (taker prices are rounded to it against the taker).</summary>
    public decimal TickSize { get; init; } = 0.01m;

    /// <summary>Quantity step; quantities are floored to it.</summary>
    public decimal LotSize { get; init; } = 0.00001m;

    /// <summary>Replay pace: null = as fast as possible, else N x real time (a 1h bar takes 1h / N of wall time).</summary>
    public double? SpeedMultiplier { get; init; }

    /// <summary>Close open positions at the last bar's close (the kernel's default end of data).</summary>
    public bool CloseAtEnd { get; init; } = true;

    public int Seed { get; init; } = 5;

    /// <summary>Perp funding rate per hour (Hyperliquid pays hourly; 0.0000125 = its 0.01 % per 8 h baseline); 0 = none.</summary>
    public decimal FundingRatePerHour { get; init; }

    /// <summary>Funding rates from data (per funding time, overriding <see cref="FundingRatePerHour"/> at those times); null = none.</summary>
    public IReadOnlyList<FundingRatePoint>? FundingRates { get; init; }

    /// <summary>
    /// Place the risk genome's stop-loss / take-profit as reduce-only trigger orders at the venue for every position
    /// (<see cref="PaperProtectiveOrders"/>); needs <see cref="Risk"/>. Off unless asked for, so sessions stored before it
    /// existed resume unchanged.
    /// </summary>
    public bool VenueStops { get; init; }

    /// <summary>
    /// With <see cref="VenueStops"/>: the risk genome's <c>trailing_stop_pct</c> trails the venue stop order
    /// (<see cref="Execution.TrailingStopEmulator"/>). Off unless asked for, so sessions stored before it existed
    /// resume unchanged.
    /// </summary>
    public bool TrailingStops { get; init; }

    /// <summary>The trailing distance the protective orders use (0 = none).</summary>
    internal decimal TrailFraction => VenueStops && TrailingStops && Risk is { } genome ? (decimal)genome.TrailingStopPct : 0m;

    /// <summary>Every invalid field at once.</summary>
    public IReadOnlyList<string> Validate()
    {
        var e = new List<string>();
        if (InitialCash <= 0)
        {
            e.Add("cash: must be > 0");
        }

        if (Units <= 0)
        {
            e.Add("units: must be > 0");
        }

        if (TakerFeeRate < 0 || MakerFeeRate < -TakerFeeRate)
        {
            e.Add("fees: taker must be >= 0 and a maker rebate no larger than the taker fee");
        }

        if (SlippageBps < 0 || ImpactBps < 0)
        {
            e.Add("slippage_bps, impact_bps: must be >= 0");
        }

        if (ParticipationCap is <= 0 or > 1)
        {
            e.Add("participation_cap: must be within (0, 1]");
        }

        if (TickSize <= 0 || LotSize <= 0)
        {
            e.Add("tick_size, lot_size: must be > 0");
        }

        if (Math.Abs(FundingRatePerHour) > 0.01m)
        {
            e.Add("funding_rate: |rate| must be <= 0.01 per hour");
        }

        if (FundingRates?.FirstOrDefault(f => Math.Abs(f.Rate) > 0.01m) is { } bad)
        {
            e.Add(string.Create(CultureInfo.InvariantCulture, $"funding_rates: |rate| at {bad.Time:O} must be <= 0.01 per hour"));
        }

        if (SpeedMultiplier is { } s && !(s > 0 && double.IsFinite(s)))
        {
            e.Add(string.Create(CultureInfo.InvariantCulture, $"speed: {s} must be a finite multiplier > 0"));
        }

        return e;
    }
}
