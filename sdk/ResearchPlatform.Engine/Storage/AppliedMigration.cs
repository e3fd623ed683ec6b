namespace ResearchPlatform.Engine.Storage;

/// <summary>A row of <c>schema_migrations</c>: which schema version was applied, what it did, and when.</summary>
public sealed record AppliedMigration(int Version, string Description, DateTimeOffset AppliedAt);
