using DuckDB.NET.Data;

namespace ResearchPlatform.Engine.Storage;

/// <summary>
/// Serialised access to the workspace database for long-lived writers (alert history, monitoring samples): either over
/// a <see cref="ResearchDatabase"/> the caller keeps open (<see cref="Held"/>: CLI commands), or opening the file on
/// demand and closing it once no call came for <see cref="Linger"/> (<see cref="PerCall"/>: <c>rp serve</c>, so other
/// <c>rp</c> commands can use the workspace between bursts; DuckDB allows one writing process per file, and reopening
/// for every statement of a burst would cost milliseconds each). Every call holds one lock.
/// </summary>
public sealed class DatabaseAccess : IDisposable
{
    /// <summary>How long a per-call database stays open after the last call.</summary>
    public static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(500);

    private readonly ResearchDatabase? _held;
    private readonly string? _path;
    private readonly Lock _gate = new();
    private readonly Timer? _closer;
    private ResearchDatabase? _open;
    private bool _disposed;

    private DatabaseAccess(ResearchDatabase? held, string? path)
    {
        _held = held;
        _path = path;
        _closer = path is null ? null : new Timer(_ => CloseIdle());
    }

    /// <summary>True when each call opens the file (<see cref="PerCall"/>).</summary>
    public bool OpensPerCall => _held is null;

    /// <summary>Access through a database the caller keeps open (and disposes).</summary>
    public static DatabaseAccess Held(ResearchDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new DatabaseAccess(database, null);
    }

    /// <summary>Access that opens <paramref name="databasePath"/> for each call and closes it after.</summary>
    public static DatabaseAccess PerCall(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return new DatabaseAccess(null, Path.GetFullPath(databasePath));
    }

    /// <summary>Runs <paramref name="work"/> on the connection under the lock.</summary>
    public T Use<T>(Func<DuckDBConnection, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            if (_held is not null)
            {
                return work(_held.Connection);
            }

            ObjectDisposedException.ThrowIf(_disposed, this);
            _open ??= ResearchDatabase.Open(_path!);
            try
            {
                return work(_open.Connection);
            }
            finally
            {
                _closer!.Change(Linger, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Closes a per-call database now (the next call opens it again).</summary>
    public void Close()
    {
        lock (_gate)
        {
            _open?.Dispose();
            _open = null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _closer?.Dispose();
            _open?.Dispose();
            _open = null;
        }
    }

    private void CloseIdle() => Close();

    /// <summary>Runs <paramref name="work"/> on the connection under the lock.</summary>
    public void Use(Action<DuckDBConnection> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Use(c =>
        {
            work(c);
            return true;
        });
    }
}
