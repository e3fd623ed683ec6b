using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ResearchPlatform.Engine.Evolution.Genome;

/// <summary>
/// One candidate strategy: a seed type, the plugin version that defines it, and its gene vector. Immutable; equality is
/// by value (seed type, plugin version and the exact bits of every gene), so it can key the fitness cache.
/// </summary>
internal sealed class Individual : IEquatable<Individual>
{
    private readonly int _hash;

    /// <summary>Creates an individual; the genes are copied, and -0.0 is normalised to 0.0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Individual(string seedTypeId, string pluginVersion, ReadOnlySpan<double> genes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seedTypeId);
        ArgumentNullException.ThrowIfNull(pluginVersion);
        var copy = genes.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (double.IsNaN(copy[i]))
            {
                throw new ArgumentException($"gene {i} of a '{seedTypeId}' individual is NaN", nameof(genes));
            }

            copy[i] += 0.0; // -0.0 + 0.0 == +0.0
        }

        SeedTypeId = seedTypeId;
        PluginVersion = pluginVersion;
        Genes = ImmutableCollectionsMarshal.AsImmutableArray(copy);
        var h = new HashCode();
        h.Add(seedTypeId, StringComparer.Ordinal);
        h.Add(pluginVersion, StringComparer.Ordinal);
        h.AddBytes(MemoryMarshal.AsBytes(copy.AsSpan()));
        _hash = h.ToHashCode();
    }

    /// <summary>The seed type id, e.g. "momentum".</summary>
    public string SeedTypeId { get; }

    /// <summary>The version of the plugin that defines the seed type.</summary>
    public string PluginVersion { get; }

    /// <summary>Gene values in the seed type's gene order.</summary>
    public ImmutableArray<double> Genes { get; }

    /// <summary>A stable text form: <c>seed@version[g0;g1;...]</c> with round-trip formatting.</summary>
    public string Key =>
        SeedTypeId + "@" + PluginVersion + "[" + string.Join(';', Genes.Select(g => g.ToString("R", CultureInfo.InvariantCulture))) + "]";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Equals(Individual? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null
            && _hash == other._hash
            && string.Equals(SeedTypeId, other.SeedTypeId, StringComparison.Ordinal)
            && string.Equals(PluginVersion, other.PluginVersion, StringComparison.Ordinal)
            && MemoryMarshal.AsBytes(Genes.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(other.Genes.AsSpan()));
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Individual);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <inheritdoc />
    public override string ToString() => Key;
}
