using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// Short, serialized access to the workspace's DuckDB file: opened for each call and closed right after, so other
/// <c>rp</c> commands can use the workspace between calls (DuckDB allows one writing process per file). While another
/// process holds the file a call waits at most <see cref="LockWait"/> (1 s, or <c>RP_DB_LOCK_WAIT</c> when shorter), so
/// an API request answers quickly even when a long <c>rp</c> command holds the workspace.
/// </summary>
internal sealed class WorkspaceDb(string databasePath) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The longest wait for a file another process holds.</summary>
    public static TimeSpan LockWait { get; } = ResearchDatabase.LockWait < TimeSpan.FromSeconds(1) ? ResearchDatabase.LockWait : TimeSpan.FromSeconds(1);

    public string Path => databasePath;

    public bool Exists => File.Exists(databasePath);

    public void Dispose() => _gate.Dispose();

    public async Task<T> UseAsync<T>(Func<ResearchDatabase, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var db = ResearchDatabase.Open(databasePath, lockWait: LockWait);
            return work(db);
        }
        finally
        {
            _gate.Release();
        }
    }
}
