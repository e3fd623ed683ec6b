using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.Seeds.Common;

/// <summary>Gene-spec builders and gene-matrix access for the seed types.</summary>
internal static class SeedGenes
{
    public static GeneSpec Int(string name, int min, int max, int @default, string description) =>
        new(name, GeneKind.Integer, min, max, @default, description);

    public static GeneSpec Real(string name, double min, double max, double @default, string description) =>
        new(name, GeneKind.Real, min, max, @default, description);

    public static GeneSpec Choice(string name, string[] choices, int @default, string description) =>
        new(name, GeneKind.Categorical, 0, choices.Length - 1, @default, description) { Choices = choices };

    /// <summary>Gene <paramref name="gene"/> of strategy <paramref name="strategy"/> as an int.</summary>
    public static int IntAt(ReadOnlySpan<double> matrix, int geneCount, int strategy, int gene) => (int)matrix[(strategy * geneCount) + gene];

    /// <summary>Gene <paramref name="gene"/> of strategy <paramref name="strategy"/>.</summary>
    public static double At(ReadOnlySpan<double> matrix, int geneCount, int strategy, int gene) => matrix[(strategy * geneCount) + gene];
}
