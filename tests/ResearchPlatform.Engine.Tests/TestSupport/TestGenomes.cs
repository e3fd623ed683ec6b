using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>Synthetic seed types with real, integer and categorical genes, and a problem built on them.</summary>
internal static class TestGenomes
{
    /// <summary>alpha: x real [0, 10], n integer [1, 50], mode categorical {a, b, c}.</summary>
    public static SeedTypeGenome Alpha { get; } = new(
        "alpha",
        "1.0.0",
        [
            new GeneSpec("x", GeneKind.Real, 0, 10, 5, "real gene"),
            new GeneSpec("n", GeneKind.Integer, 1, 50, 10, "integer gene"),
            new GeneSpec("mode", GeneKind.Categorical, 0, 2, 0, "categorical gene") { Choices = ["a", "b", "c"] },
        ]);

    /// <summary>beta: y real [-5, 5], z real [0, 1].</summary>
    public static SeedTypeGenome Beta { get; } = new(
        "beta",
        "2.1.0",
        [
            new GeneSpec("y", GeneKind.Real, -5, 5, 0, "real gene"),
            new GeneSpec("z", GeneKind.Real, 0, 1, 0.5, "real gene"),
        ]);

    /// <summary>A problem over alpha and beta on <paramref name="bars"/> bars with 4 rolling folds and a 20 % hold-out.</summary>
    public static EvolutionProblem Problem(int bars = 2000, FoldMode mode = FoldMode.Rolling, params SeedTypeGenome[] seeds) =>
        new(
            seeds.Length > 0 ? seeds : [Alpha, Beta],
            WalkForwardPlanner.Plan(bars, new WalkForwardOptions(4, mode, 0.2, 0.25, 0)),
            "synthetic 2000 bars",
            "no costs",
            8760);
}
