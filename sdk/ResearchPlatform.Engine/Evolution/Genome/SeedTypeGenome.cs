using System.Globalization;
using System.Runtime.CompilerServices;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Evolution.Genome;

/// <summary>
/// What the GA knows about a seed type: its id, the plugin version that provides it, its gene specs, and optionally the
/// seed type itself for cross-gene validation (<see cref="ISeedType.Validate"/>).
/// </summary>
/// <param name="SeedTypeId">Seed type id.</param>
/// <param name="PluginVersion">Version of the providing plugin (part of every cache key and stored result).</param>
/// <param name="Genes">Gene specs in gene-vector order.</param>
/// <param name="Seed">The seed type for <see cref="ISeedType.Validate"/>, or null when any in-bounds vector is valid.</param>
internal sealed record SeedTypeGenome(string SeedTypeId, string PluginVersion, IReadOnlyList<GeneSpec> Genes, ISeedType? Seed = null)
{
    /// <summary>Builds the genome of a loaded seed type.</summary>
    public static SeedTypeGenome From(ISeedType seed, string pluginVersion)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return new SeedTypeGenome(seed.Id, pluginVersion, seed.Genes, seed);
    }

    /// <summary>Lower search bound of gene <paramref name="index"/> (0 for categorical genes with choices).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Lower(int index)
    {
        var g = Genes[index];
        return g.Kind switch
        {
            GeneKind.Categorical when g.Choices.Count > 0 => 0,
            GeneKind.Integer or GeneKind.Categorical => Math.Ceiling(g.Min),
            _ => g.Min,
        };
    }

    /// <summary>Upper search bound of gene <paramref name="index"/> (choices - 1 for categorical genes with choices).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Upper(int index)
    {
        var g = Genes[index];
        return g.Kind switch
        {
            GeneKind.Categorical when g.Choices.Count > 0 => g.Choices.Count - 1,
            GeneKind.Integer or GeneKind.Categorical => Math.Floor(g.Max),
            _ => g.Max,
        };
    }

    /// <summary>Whether gene <paramref name="index"/> takes whole values only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsDiscrete(int index) => Genes[index].Kind != GeneKind.Real;

    /// <summary>Problems with the gene specs themselves (empty bounds, NaN), each naming the gene.</summary>
    public IReadOnlyList<string> ValidateSpecs()
    {
        var errors = new List<string>();
        if (Genes.Count == 0)
        {
            errors.Add($"seed type '{SeedTypeId}' has no genes");
        }

        for (var i = 0; i < Genes.Count; i++)
        {
            var lo = Lower(i);
            var hi = Upper(i);
            if (!double.IsFinite(lo) || !double.IsFinite(hi) || lo > hi)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"seed type '{SeedTypeId}' gene '{Genes[i].Name}' has empty or invalid bounds [{Genes[i].Min}, {Genes[i].Max}]"));
            }
        }

        return errors;
    }

    /// <summary>Cross-gene problems reported by the seed type, empty when valid or when no seed type is attached.</summary>
    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) => Seed is null ? [] : Seed.Validate(genes);
}
