using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Paper.Live;

/// <summary>What a LIVE_TESTNET session trades and for how long.</summary>
internal sealed record LivePaperSettings
{
    /// <summary>The venue's symbol (for Hyperliquid the coin, e.g. BTC).</summary>
    public required string Symbol { get; init; }

    public required BarInterval Interval { get; init; }

    /// <summary>Closed live candles to trade before the session ends (0 = until <see cref="Duration"/>).</summary>
    public int Bars { get; init; }

    /// <summary>Wall-clock limit of the live part (null = until <see cref="Bars"/>).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Candles of history given to the generators before the first live candle (warm-up).</summary>
    public int HistoryBars { get; init; } = 500;

    /// <summary>Open time of the session's first live candle when resuming (candles from it on count as traded).</summary>
    public DateTimeOffset? FirstLiveOpen { get; init; }

    /// <summary>Called once with the open time of a fresh session's first live candle (to store it for a resume).</summary>
    public Action<DateTimeOffset>? FirstLiveCandle { get; init; }

    /// <summary>Called once every runner replayed its journal and reconciled with the venue (before the first candle).</summary>
    public Action<IReadOnlyList<LiveStrategyRunner>>? RunnersStarted { get; init; }

    /// <summary>How long to wait for the venue's final fills after the closing orders before reconciling.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
