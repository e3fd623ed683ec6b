using ResearchPlatform.Hyperliquid.Signing;
using SdkCandle = ResearchPlatform.Sdk.Execution.Candle;

namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>Configuration of a <see cref="LocalVenue"/>.</summary>
public sealed record LocalVenueOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The network whose signatures are accepted (L1 source "a"/"b", hyperliquidChain).</summary>
    public HyperliquidNetwork Network { get; init; } = HyperliquidNetwork.Testnet;

    public IReadOnlyList<VenueAsset> Assets { get; init; } =
        [new("BTC", 5, 30_000m), new("ETH", 4, 2_000m), new("SOL", 2, 20m)];

    /// <summary>Replayed candles per coin (used instead of the synthetic walk for those coins, in order).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SdkCandle>> Replay { get; init; } = new Dictionary<string, IReadOnlyList<SdkCandle>>();

    /// <summary>Accounts that exist (others are refused as "User or API Wallet ... does not exist.").</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    public decimal StartingCash { get; init; } = 100_000m;

    /// <summary>Interval of the candles (history and live steps).</summary>
    public TimeSpan CandleInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Synthetic history generated before now (candleSnapshot serves at most 5000 per request).</summary>
    public int HistoryBars { get; init; } = 500;

    /// <summary>Real-time period between live candles; null = only manual <see cref="LocalVenue.Step"/>.</summary>
    public TimeSpan? StepPeriod { get; init; }

    /// <summary>Per-step volatility of the synthetic walk (log-return standard deviation).</summary>
    public double Volatility { get; init; } = 0.004;

    public int Seed { get; init; } = 42;

    /// <summary>REST weight budget per IP (the exchange: 1,200 per minute).</summary>
    public int RateLimitWeight { get; init; } = 1200;

    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromMinutes(1);

    public FaultProfile Faults { get; init; } = FaultProfile.None;

    /// <summary>Centre of the hourly funding schedule (Hyperliquid's baseline 0.01 % per 8 h = 0.0000125 per hour).</summary>
    public decimal FundingRate { get; init; } = 0.0000125m;

    /// <summary>Each hour's rate is <see cref="FundingRate"/> +- up to this much (seeded by <see cref="Seed"/>, coin and hour); 0 = constant.</summary>
    public decimal FundingAmplitude { get; init; } = 0.00002m;
}
