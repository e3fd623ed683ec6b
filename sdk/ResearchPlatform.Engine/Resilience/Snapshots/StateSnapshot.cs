namespace ResearchPlatform.Engine.Resilience.Snapshots;

/// <summary>
/// What a trading process needs to resume after a crash, written at an interval and on shutdown: which session (the
/// order journals it continues), which data (symbol, interval, bar count, first bar), how far it got (last processed
/// bar), the portfolio figures and, per strategy, its journal, position, PnL and open orders at that bar. The journals
/// stay the source of truth for orders; the snapshot says where to continue and what the restored state must equal.
/// </summary>
internal sealed record StateSnapshot
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>Wall-clock time of the write.</summary>
    public required DateTimeOffset TakenAt { get; init; }

    /// <summary>Why it was written: interval, shutdown, finished, restored.</summary>
    public required string Reason { get; init; }

    /// <summary>The session id; the journals are named after it.</summary>
    public required string Session { get; init; }

    public required string Symbol { get; init; }

    public required string Interval { get; init; }

    public required int BarCount { get; init; }

    public required DateTimeOffset FirstBar { get; init; }

    /// <summary>The last bar every running strategy processed (-1 = none).</summary>
    public required int Bar { get; init; }

    public bool Finished { get; init; }

    public string? HaltReason { get; init; }

    public double Equity { get; init; }

    public double Peak { get; init; }

    public double MaxDrawdownPct { get; init; }

    public string RiskLevel { get; init; } = "low";

    /// <summary>How many times this session was restored from a snapshot so far.</summary>
    public int Restores { get; init; }

    public required IReadOnlyList<StrategyState> Strategies { get; init; }

    /// <summary>The operator controls of the session in order (re-applied at their bars on restore).</summary>
    public IReadOnlyList<ControlRecord> Controls { get; init; } = [];
}
