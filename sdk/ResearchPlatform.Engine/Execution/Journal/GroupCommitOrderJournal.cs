namespace ResearchPlatform.Engine.Execution.Journal;

/// <summary>
/// The write-ahead journal with group commit: every <see cref="Append"/> writes its JSON line to an append-only
/// <see cref="FileOrderJournal"/> with write() before returning (so an order's <c>submitted</c> entry is in the OS
/// before the order is sent and survives a kill -9 of the process), a background flusher fsyncs the file every
/// <see cref="GroupCommitOptions.SyncInterval"/> when something was written (power-loss durability up to the last
/// group), and an optional <see cref="IJournalMirror"/> (DuckDB, for queries) receives the entries in batches.
/// On open, entries in the file beyond the mirror's last sequence (a crash between two batches) are mirrored first.
/// </summary>
internal sealed class GroupCommitOrderJournal : IOrderJournal
{
    private readonly FileOrderJournal _file;
    private readonly IJournalMirror? _mirror;
    private readonly GroupCommitOptions _options;
    private readonly List<JournalEntry> _pending = [];
    private readonly Lock _gate = new();
    private readonly Thread? _flusher;
    private readonly ManualResetEventSlim _stop = new();
    private long _written, _synced;
    private long _syncs;
    private bool _disposed;

    public GroupCommitOrderJournal(string path, IJournalMirror? mirror = null, GroupCommitOptions? options = null)
    {
        _options = options ?? GroupCommitOptions.Default;
        _file = new FileOrderJournal(path, fsync: _options.SyncInterval == TimeSpan.Zero);
        _mirror = mirror;
        if (mirror is not null)
        {
            var behind = _file.ReadAll().Where(e => e.Sequence > mirror.LastSequence).ToList();
            if (behind.Count > 0)
            {
                mirror.Write(behind);
            }

            MirroredOnOpen = behind.Count;
        }

        if (_options.SyncInterval > TimeSpan.Zero)
        {
            _flusher = new Thread(FlushLoop) { IsBackground = true, Name = "journal-group-commit" };
            _flusher.Start();
        }
    }

    /// <summary>The journal file.</summary>
    public string Path => _file.Path;

    /// <summary>Bytes of a torn last line cut off on open.</summary>
    public long TruncatedBytes => _file.TruncatedBytes;

    /// <summary>Entries found in the file but not in the mirror on open, and mirrored then.</summary>
    public int MirroredOnOpen { get; }

    /// <summary>Group fsyncs done so far.</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    public void Append(JournalEntry entry)
    {
        _file.Append(entry);
        Interlocked.Increment(ref _written);
        if (_mirror is null)
        {
            return;
        }

        List<JournalEntry>? batch = null;
        lock (_gate)
        {
            _pending.Add(entry);
            if (_pending.Count >= _options.MirrorBatch)
            {
                batch = [.. _pending];
                _pending.Clear();
            }
        }

        if (batch is not null)
        {
            _mirror.Write(batch);
        }
    }

    public IReadOnlyList<JournalEntry> ReadAll() => _file.ReadAll();

    /// <summary>fsyncs the file now and writes the pending mirror batch (end of a session, tests).</summary>
    public void Flush()
    {
        SyncNow();
        List<JournalEntry> batch;
        lock (_gate)
        {
            batch = [.. _pending];
            _pending.Clear();
        }

        if (batch.Count > 0)
        {
            _mirror!.Write(batch);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Set();
        _flusher?.Join();
        Flush();
        _file.Dispose();
        _stop.Dispose();
    }

    private void FlushLoop()
    {
        while (!_stop.Wait(_options.SyncInterval))
        {
            SyncNow();
        }
    }

    private void SyncNow()
    {
        var written = Interlocked.Read(ref _written);
        if (written == Interlocked.Read(ref _synced))
        {
            return;
        }

        _file.FlushToDisk();
        Interlocked.Exchange(ref _synced, written);
        Interlocked.Increment(ref _syncs);
    }
}
