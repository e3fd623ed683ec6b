using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage.Migrations;

namespace ResearchPlatform.Engine.Storage;

/// <summary>
/// The workspace's system of record: one embedded DuckDB file (<c>research.duckdb</c>) opened through a single
/// read-write connection. Opening applies every pending schema migration in one transaction and records each in
/// <c>schema_migrations</c>; a file whose schema is newer than this build is refused with
/// <see cref="SchemaVersionException"/> and left untouched. DuckDB allows one writing process per file: a second process
/// gets a clear "in use" error. The connection is not thread-safe; callers serialise their work on it.
/// </summary>
public sealed class ResearchDatabase : IDisposable
{
    /// <summary>The conventional file name inside a workspace folder.</summary>
    public const string FileName = "research.duckdb";

    private readonly DuckDBConnection _connection;
    private bool _disposed;

    private ResearchDatabase(string path, DuckDBConnection connection, int schemaVersion)
    {
        FilePath = path;
        _connection = connection;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The highest schema version this build knows (the version a fresh database gets).</summary>
    public static int LatestSchemaVersion => MigrationCatalog.LatestVersion;

    /// <summary>Absolute path of the database file (or <c>:memory:</c>).</summary>
    public string FilePath { get; }

    /// <summary>The schema version after opening (always <see cref="LatestSchemaVersion"/>).</summary>
    public int SchemaVersion { get; }

    /// <summary>
    /// The single read-write connection, for engines and notebooks that run their own SQL. Do not dispose it and do not
    /// use it from several threads at once.
    /// </summary>
    public DuckDBConnection Connection
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _connection;
        }
    }

    /// <summary>
    /// Opens (creating when missing, with its folder) the database at <paramref name="path"/> and migrates it to
    /// <see cref="LatestSchemaVersion"/>. <paramref name="timeProvider"/> stamps <c>schema_migrations.applied_at</c>;
    /// <paramref name="lockWait"/> (default <see cref="LockWait"/>) bounds the wait while another process holds the file.
    /// </summary>
    public static ResearchDatabase Open(string path, TimeProvider? timeProvider = null, TimeSpan? lockWait = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return OpenCore(full, "Data Source=" + full, timeProvider ?? TimeProvider.System, lockWait ?? LockWait);
    }

    /// <summary>Opens a private in-memory database with the full schema (tests, scratch work, DB-less tools).</summary>
    public static ResearchDatabase OpenInMemory(TimeProvider? timeProvider = null) =>
        OpenCore(":memory:", "Data Source=:memory:", timeProvider ?? TimeProvider.System, TimeSpan.Zero);

    /// <summary>The migrations recorded in the file, oldest first.</summary>
    public IReadOnlyList<AppliedMigration> AppliedMigrations()
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = "SELECT version, description, applied_at FROM schema_migrations ORDER BY version";
        using var reader = cmd.ExecuteReader();
        var list = new List<AppliedMigration>();
        while (reader.Read())
        {
            var at = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc);
            list.Add(new AppliedMigration(reader.GetInt32(0), reader.GetString(1), new DateTimeOffset(at)));
        }

        return list;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _connection.Dispose();
    }

    /// <summary>
    /// How long opening a file another process holds keeps retrying before it fails with the "in use" error: DuckDB
    /// allows one writing process per file, and most holders (<c>rp serve</c>'s short calls, a quick <c>rp</c> command)
    /// let go within a second. <c>RP_DB_LOCK_WAIT</c> (seconds, 0 = fail at once) overrides the default of 5 s.
    /// </summary>
    public static TimeSpan LockWait { get; } = ReadLockWait(Environment.GetEnvironmentVariable("RP_DB_LOCK_WAIT"));

    /// <summary>Parses an <c>RP_DB_LOCK_WAIT</c> value (seconds, >= 0); a missing or invalid one gives the default 5 s.</summary>
    internal static TimeSpan ReadLockWait(string? value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(5);

    private static ResearchDatabase OpenCore(string path, string connectionString, TimeProvider time, TimeSpan lockWait)
    {
        var connection = OpenConnection(path, connectionString, lockWait);
        try
        {
            // Every timestamp in the schema is UTC; make TIMESTAMPTZ conversions agree.
            connection.Execute("SET TimeZone = 'UTC'");
            var version = MigrationRunner.Migrate(connection, path, MigrationCatalog.All, time);
            return new ResearchDatabase(path, connection, version);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens the connection, waiting up to <paramref name="lockWait"/> (25 ms doubling to 500 ms between tries) while another process holds the file.</summary>
    private static DuckDBConnection OpenConnection(string path, string connectionString, TimeSpan lockWait)
    {
        var waited = TimeSpan.Zero;
        var pause = TimeSpan.FromMilliseconds(25);
        while (true)
        {
            var connection = new DuckDBConnection(connectionString);
            try
            {
                connection.Open();
                return connection;
            }
            catch (DuckDBException ex) when (ex.Message.Contains("Could not set lock", StringComparison.Ordinal))
            {
                connection.Dispose();
                if (waited >= lockWait)
                {
                    // usually a running `rp serve` (or another rp command) on this workspace
                    var after = waited > TimeSpan.Zero ? $" (waited {waited.TotalSeconds:0.#} s)" : string.Empty;
                    throw new IOException(
                        $"cannot open {path}: another process holds it{after} (DuckDB allows one writer per file; is `rp serve` or another rp command running on this workspace? stop it, or use another --workspace; RP_DB_LOCK_WAIT sets the wait). {ex.Message}",
                        ex);
                }

                var step = pause < lockWait - waited ? pause : lockWait - waited;
                Thread.Sleep(step);
                waited += step;
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 500));
            }
            catch (DuckDBException ex)
            {
                connection.Dispose();
                throw new IOException($"cannot open {path}: {ex.Message}", ex);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }
}
