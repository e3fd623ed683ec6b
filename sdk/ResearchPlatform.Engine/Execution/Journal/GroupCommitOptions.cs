namespace ResearchPlatform.Engine.Execution.Journal;

/// <summary>Durability settings of a <see cref="GroupCommitOrderJournal"/>.</summary>
internal sealed record GroupCommitOptions
{
    /// <summary>
    /// How often written entries are fsync'd by the background flusher. <see cref="TimeSpan.Zero"/> = fsync inside
    /// every append (power-loss durable per entry, ~ms per order on a VM disk).
    /// </summary>
    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Entries per mirror batch (the DuckDB copy is written when this many are pending, and on flush/dispose).</summary>
    public int MirrorBatch { get; init; } = 4096;

    public static GroupCommitOptions Default { get; } = new();
}
