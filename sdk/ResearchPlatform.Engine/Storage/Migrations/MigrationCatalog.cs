using System.Reflection;

namespace ResearchPlatform.Engine.Storage.Migrations;

/// <summary>
/// Every migration this build knows, found by reflection over the concrete <see cref="Migration"/> records of this
/// assembly and ordered by version. Versions must be 1..N without duplicates or holes; a violation is a build defect
/// and fails loudly at first use (and in the catalog's unit test) rather than corrupting a workspace.
/// </summary>
internal static class MigrationCatalog
{
    private static readonly Lazy<IReadOnlyList<Migration>> AllLazy = new(Discover);

    /// <summary>All migrations, ordered by version.</summary>
    public static IReadOnlyList<Migration> All => AllLazy.Value;

    /// <summary>The schema version this build produces.</summary>
    public static int LatestVersion => All.Count == 0 ? 0 : All[^1].Version;

    /// <summary>Checks that versions are exactly 1..N; returns the problem or null.</summary>
    public static string? Validate(IReadOnlyList<Migration> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            var expected = i + 1;
            if (ordered[i].Version != expected)
            {
                var dup = ordered.Where(m => m.Version == ordered[i].Version).Select(m => m.GetType().Name).ToList();
                return dup.Count > 1
                    ? $"migration version {ordered[i].Version} is defined twice ({string.Join(", ", dup)})"
                    : $"migration versions must be contiguous from 1: expected {expected}, found {ordered[i].Version} ({ordered[i].GetType().Name})";
            }

            if (string.IsNullOrWhiteSpace(ordered[i].Sql) || string.IsNullOrWhiteSpace(ordered[i].Description))
            {
                return $"migration {ordered[i].Version} ({ordered[i].GetType().Name}) has no SQL or no description";
            }
        }

        return null;
    }

    private static List<Migration> Discover()
    {
        var migrations = typeof(Migration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Migration).IsAssignableFrom(t))
            .Select(Instantiate)
            .OrderBy(m => m.Version)
            .ToList();
        var problem = Validate(migrations);
        return problem is null ? migrations : throw new InvalidOperationException("schema migrations are inconsistent: " + problem);
    }

    private static Migration Instantiate(Type type)
    {
        var ctor = type.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)
            ?? throw new InvalidOperationException($"migration {type.Name} needs a parameterless constructor");
        return (Migration)ctor.Invoke(null);
    }
}
