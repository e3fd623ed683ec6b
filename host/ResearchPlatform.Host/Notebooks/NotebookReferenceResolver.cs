using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace ResearchPlatform.Host.Notebooks;

/// <summary>
/// Resolves <c>#r</c>: <c>#r "nuget: Id, Version"</c> from the local package caches (no download, no dependencies:
/// reference each package you use), a path relative to the notebook, and, when that file is missing, a file of the same
/// name beside rp.dll (so <c>_init.csx</c>'s Release paths also work from a Debug or test build).
/// </summary>
internal sealed class NotebookReferenceResolver : MetadataReferenceResolver
{
    /// <summary>Target frameworks tried, best first.</summary>
    private static readonly string[] Frameworks =
        ["net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netstandard2.1", "netstandard2.0"];

    private readonly ScriptMetadataResolver _inner;
    private readonly IReadOnlyList<string> _packageRoots;
    private readonly string _hostDirectory;

    public NotebookReferenceResolver(string baseDirectory, IReadOnlyList<string> packageRoots, string hostDirectory)
    {
        _inner = ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory);
        _packageRoots = packageRoots;
        _hostDirectory = hostDirectory;
    }

    /// <summary>Why a reference could not be resolved, by reference text (read after a CS0006).</summary>
    public ConcurrentDictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    /// <summary>Package caches searched: NUGET_PACKAGES, ~/.nuget/packages, /opt/nuget/packages (existing ones).</summary>
    public static IReadOnlyList<string> DefaultPackageRoots()
    {
        var roots = new List<string>();
        var env = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrWhiteSpace(env))
        {
            roots.Add(env);
        }

        roots.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));
        roots.Add("/opt/nuget/packages");
        return roots.Distinct(StringComparer.Ordinal).ToList();
    }

    public override bool ResolveMissingAssemblies => _inner.ResolveMissingAssemblies;

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        _inner.ResolveMissingAssembly(definition, referenceIdentity);

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        if (reference.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            return ResolvePackage(reference, properties);
        }

        var resolved = _inner.ResolveReference(reference, baseFilePath, properties);
        if (!resolved.IsDefaultOrEmpty)
        {
            return resolved;
        }

        var beside = Path.Combine(_hostDirectory, Path.GetFileName(reference));
        if (reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(beside))
        {
            return [MetadataReference.CreateFromFile(beside, properties)];
        }

        Problems[reference] = $"'{reference}' not found relative to the notebook nor beside rp.dll ({_hostDirectory}); build the host first (./rp --help)";
        return resolved;
    }

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => _hostDirectory.GetHashCode(StringComparison.Ordinal);

    private ImmutableArray<PortableExecutableReference> ResolvePackage(string reference, MetadataReferenceProperties properties)
    {
        var parts = reference["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 1 or > 2)
        {
            Problems[reference] = $"'{reference}': expected \"nuget: Id, Version\"";
            return [];
        }

        var id = parts[0].ToLowerInvariant();
        var version = parts.Length == 2 ? parts[1].ToLowerInvariant() : null;
        foreach (var root in _packageRoots)
        {
            var packageDir = Path.Combine(root, id);
            if (!Directory.Exists(packageDir))
            {
                continue;
            }

            var versionDir = version is null ? HighestVersion(packageDir) : Path.Combine(packageDir, version);
            if (versionDir is null || !Directory.Exists(versionDir))
            {
                continue;
            }

            var dlls = LibraryFiles(versionDir);
            if (dlls.Count > 0)
            {
                return [.. dlls.Select(d => MetadataReference.CreateFromFile(d, properties))];
            }

            Problems[reference] = $"package {parts[0]} {Path.GetFileName(versionDir)} in {root} has no lib/ assembly for {string.Join('/', Frameworks)}";
            return [];
        }

        Problems[reference] = $"package {parts[0]} {version ?? "(any version)"} is not in the local package cache ({string.Join(", ", _packageRoots)}); " +
            "restore it once with dotnet (e.g. add a PackageReference to a project and run dotnet restore)";
        return [];
    }

    private static List<string> LibraryFiles(string versionDir)
    {
        foreach (var tfm in Frameworks)
        {
            var lib = Path.Combine(versionDir, "lib", tfm);
            if (Directory.Exists(lib))
            {
                return Directory.GetFiles(lib, "*.dll").Order(StringComparer.Ordinal).ToList();
            }
        }

        return [];
    }

    private static string? HighestVersion(string packageDir) => Directory.GetDirectories(packageDir)
        .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
        .Where(x => x.Version is not null)
        .OrderByDescending(x => x.Version)
        .Select(x => x.Dir)
        .FirstOrDefault();
}
