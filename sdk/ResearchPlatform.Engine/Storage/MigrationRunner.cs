using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage.Migrations;

namespace ResearchPlatform.Engine.Storage;

/// <summary>Brings a database to the latest schema: all pending migrations in one transaction, or none.</summary>
internal static class MigrationRunner
{
    private const string CreateLedger = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER   NOT NULL PRIMARY KEY,
            description VARCHAR   NOT NULL,
            applied_at  TIMESTAMP NOT NULL
        )
        """;

    /// <summary>Applies what is pending and returns the resulting schema version.</summary>
    public static int Migrate(DuckDBConnection connection, string path, IReadOnlyList<Migration> migrations, TimeProvider time)
    {
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var current = CurrentVersion(connection);
        if (current > latest)
        {
            throw new SchemaVersionException(path, current, latest);
        }

        var pending = migrations.Where(m => m.Version > current).ToList();
        if (pending.Count == 0)
        {
            return current;
        }

        using var tx = connection.BeginTransaction();
        connection.Execute(CreateLedger);
        foreach (var m in pending)
        {
            try
            {
                connection.Execute(m.Sql);
            }
            catch (DuckDBException ex)
            {
                throw new InvalidOperationException($"{path}: migration {m.Version} ({m.Description}) failed: {ex.Message}", ex);
            }

            connection.Execute(
                "INSERT INTO schema_migrations (version, description, applied_at) VALUES ($v, $d, $t)",
                ("v", m.Version),
                ("d", m.Description),
                ("t", time.GetUtcNow().UtcDateTime));
        }

        tx.Commit();
        return pending[^1].Version;
    }

    private static int CurrentVersion(DuckDBConnection connection)
    {
        var exists = Convert.ToInt64(
            connection.Scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations' AND table_schema = 'main'"),
            System.Globalization.CultureInfo.InvariantCulture);
        if (exists == 0)
        {
            return 0;
        }

        var max = connection.Scalar("SELECT max(version) FROM schema_migrations");
        return max is null or DBNull ? 0 : Convert.ToInt32(max, System.Globalization.CultureInfo.InvariantCulture);
    }
}
