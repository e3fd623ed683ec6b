namespace ResearchPlatform.Engine.Storage.Migrations;

/// <summary>
/// One versioned schema change of <c>research.duckdb</c>. Each migration is a small sealed record in its own file in this
/// folder (<c>M0001CreateBars</c>, ...), discovered by <see cref="MigrationCatalog"/>: a later feature adds a file with the
/// next version number and nothing else. Versions start at 1 and must be contiguous; a migration is never edited once
/// released (add a new one instead). The SQL runs inside the opening transaction together with the other pending ones.
/// </summary>
/// <param name="Version">The schema version this migration produces (1, 2, 3, ...).</param>
/// <param name="Description">What it changes, recorded in <c>schema_migrations</c>.</param>
/// <param name="Sql">One or more SQL statements separated by semicolons.</param>
internal abstract record Migration(int Version, string Description, string Sql);
