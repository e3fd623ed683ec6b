using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Paper.Live;

/// <summary>
/// What <see cref="LivePaperEngine.PrepareAsync"/> learned from the venue: the instrument's rules, the closed candles of
/// history (oldest first), the open time of the first live candle and the account's position before the session.
/// </summary>
internal sealed record LiveMarket(InstrumentSpec Instrument, IReadOnlyList<Candle> History, DateTimeOffset FirstLiveOpen, decimal StartPosition);
