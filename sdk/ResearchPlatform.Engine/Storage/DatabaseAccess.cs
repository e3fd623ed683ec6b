using DuckDB.NET.Data;

namespace ResearchPlatform.Engine.Storage;

/// <summary>
/// Serialised access to the workspace database for long-lived writers (alert history, monitoring samples): either over
/// a <see cref="ResearchDatabase"/> the caller keeps open (<see cref="Held"/>: CLI commands), or opening the file for each
/// call and closing it right after (<see cref="PerCall"/>: <c>rp serve</c>, so other <c>rp</c> commands can use the
/// workspace between calls; DuckDB allows one writing process per file). Every call holds one lock.
/// </summary>
public sealed class DatabaseAccess
{
    private readonly ResearchDatabase? _held;
    private readonly string? _path;
    private readonly Lock _gate = new();

    private DatabaseAccess(ResearchDatabase? held, string? path)
    {
        _held = held;
        _path = path;
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

            using var db = ResearchDatabase.Open(_path!);
            return work(db.Connection);
        }
    }

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
