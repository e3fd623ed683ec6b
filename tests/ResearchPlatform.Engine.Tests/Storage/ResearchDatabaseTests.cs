using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Storage.Migrations;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Storage;

public sealed class ResearchDatabaseTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Open_FreshFile_CreatesFileTablesAndMigrationLedger()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "nested", ResearchDatabase.FileName);

        using var db = ResearchDatabase.Open(path, new FixedTimeProvider(Now));

        Assert.True(File.Exists(path));
        Assert.Equal(ResearchDatabase.LatestSchemaVersion, db.SchemaVersion);
        var applied = db.AppliedMigrations();
        Assert.Equal(Enumerable.Range(1, ResearchDatabase.LatestSchemaVersion), applied.Select(m => m.Version));
        Assert.All(applied, m => Assert.Equal(Now, m.AppliedAt));
        Assert.Equal(1, DbProbe.Count(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'bars'"));
        Assert.Equal(1, DbProbe.Count(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'fear_greed'"));
    }

    [Fact]
    public void Open_BarsTable_HasThePrimaryKeyOnSymbolIntervalOpenTime()
    {
        using var db = ResearchDatabase.OpenInMemory();
        db.Connection.Execute("INSERT INTO bars VALUES ('X', '1h', TIMESTAMP '2024-01-01 00:00:00', 1, 1, 1, 1, 0, 's')");

        var ex = Assert.ThrowsAny<DuckDBException>(() =>
            db.Connection.Execute("INSERT INTO bars VALUES ('X', '1h', TIMESTAMP '2024-01-01 00:00:00', 2, 2, 2, 2, 0, 's')"));

        Assert.Contains("Duplicate key", ex.Message, StringComparison.OrdinalIgnoreCase);
        db.Connection.Execute("INSERT INTO bars VALUES ('X', '4h', TIMESTAMP '2024-01-01 00:00:00', 2, 2, 2, 2, 0, 's')");
        Assert.Equal(2, DbProbe.Count(db, "SELECT count(*) FROM bars"));
    }

    [Fact]
    public void Open_ExistingCurrentFile_AppliesNothingAgain()
    {
        using var dir = new TempDir();
        var path = dir.File(ResearchDatabase.FileName);
        using (var first = ResearchDatabase.Open(path, new FixedTimeProvider(Now)))
        {
            first.Connection.Execute("INSERT INTO fear_greed VALUES (DATE '2024-01-01', 50, 'Neutral')");
        }

        using var again = ResearchDatabase.Open(path, new FixedTimeProvider(Now.AddDays(1)));

        Assert.All(again.AppliedMigrations(), m => Assert.Equal(Now, m.AppliedAt));
        Assert.Equal(ResearchDatabase.LatestSchemaVersion, again.AppliedMigrations().Count);
        Assert.Equal(1, DbProbe.Count(again, "SELECT count(*) FROM fear_greed"));
    }

    [Fact]
    public void Open_NewerSchema_IsRefusedNamingBothVersionsAndLeavesFileAlone()
    {
        using var dir = new TempDir();
        var path = dir.File(ResearchDatabase.FileName);
        var newer = ResearchDatabase.LatestSchemaVersion + 5;
        using (var db = ResearchDatabase.Open(path))
        {
            db.Connection.Execute($"INSERT INTO schema_migrations VALUES ({newer}, 'from the future', TIMESTAMP '2030-01-01 00:00:00')");
        }

        var ex = Assert.Throws<SchemaVersionException>(() => ResearchDatabase.Open(path));

        Assert.Equal(newer, ex.DatabaseVersion);
        Assert.Equal(ResearchDatabase.LatestSchemaVersion, ex.SupportedVersion);
        Assert.Contains($"schema version {newer}", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {ResearchDatabase.LatestSchemaVersion}", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        using var check = new DuckDBConnection("Data Source=" + path);
        check.Open();
        using var cmd = check.CreateCommand();
        cmd.CommandText = "SELECT max(version) FROM schema_migrations";
        Assert.Equal(newer, Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Migrate_FailingMigration_RollsBackEveryPendingOne()
    {
        using var con = new DuckDBConnection("Data Source=:memory:");
        con.Open();
        Migration[] migrations = [new TestMigration(1, "CREATE TABLE a (x INTEGER)"), new TestMigration(2, "CREATE TABLE b (x NOT_A_TYPE)")];

        var ex = Assert.Throws<InvalidOperationException>(() => MigrationRunner.Migrate(con, "mem", migrations, TimeProvider.System));

        Assert.Contains("migration 2", ex.Message, StringComparison.Ordinal);
        using var cmd = con.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('a', 'schema_migrations')";
        Assert.Equal(0L, Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Migrate_OnlyPendingMigrations_AreAppliedInOrder()
    {
        using var con = new DuckDBConnection("Data Source=:memory:");
        con.Open();
        MigrationRunner.Migrate(con, "mem", [new TestMigration(1, "CREATE TABLE a (x INTEGER)")], TimeProvider.System);

        var version = MigrationRunner.Migrate(con, "mem",
            [new TestMigration(1, "CREATE TABLE a (x INTEGER)"), new TestMigration(2, "ALTER TABLE a ADD COLUMN y INTEGER")], TimeProvider.System);

        Assert.Equal(2, version);
        using var cmd = con.CreateCommand();
        cmd.CommandText = "SELECT string_agg(CAST(version AS VARCHAR), ',' ORDER BY version) FROM schema_migrations";
        Assert.Equal("1,2", cmd.ExecuteScalar());
    }

    [Fact]
    public void Catalog_Versions_AreContiguousFromOneWithDescriptions()
    {
        var all = MigrationCatalog.All;

        Assert.Equal(Enumerable.Range(1, all.Count), all.Select(m => m.Version));
        Assert.Null(MigrationCatalog.Validate(all));
        Assert.Contains(all, m => m is M0001CreateBars);
        Assert.Contains(all, m => m is M0002CreateFearGreed);
    }

    [Fact]
    public void Validate_DuplicateOrMissingVersion_IsReported()
    {
        var dup = MigrationCatalog.Validate([new TestMigration(1, "SELECT 1"), new TestMigration(1, "SELECT 2")]);
        var hole = MigrationCatalog.Validate([new TestMigration(1, "SELECT 1"), new TestMigration(3, "SELECT 2")]);

        Assert.Contains("defined twice", dup, StringComparison.Ordinal);
        Assert.Contains("expected 2, found 3", hole, StringComparison.Ordinal);
    }

    private sealed record TestMigration(int V, string S) : Migration(V, "test " + V, S);

    [Theory]
    [InlineData(null, 5.0)]
    [InlineData("", 5.0)]
    [InlineData("0", 0.0)]
    [InlineData("2.5", 2.5)]
    [InlineData("-1", 5.0)]
    [InlineData("soon", 5.0)]
    [InlineData("NaN", 5.0)]
    public void LockWait_FromTheEnvironmentValue_SecondsOrTheDefault(string? value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ResearchDatabase.ReadLockWait(value));
}
