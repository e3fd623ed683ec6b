using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// Short, serialized access to the workspace's DuckDB file: opened for each call and closed right after, so other
/// <c>rp</c> commands can use the workspace between calls (DuckDB allows one writing process per file).
/// </summary>
internal sealed class WorkspaceDb(string databasePath) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Path => databasePath;

    public bool Exists => File.Exists(databasePath);

    public void Dispose() => _gate.Dispose();

    public async Task<T> UseAsync<T>(Func<ResearchDatabase, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var db = ResearchDatabase.Open(databasePath);
            return work(db);
        }
        finally
        {
            _gate.Release();
        }
    }
}
