using ResearchPlatform.Sdk.Risk;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>
/// A risk genome definition for engine tests: every gene of <see cref="RiskGenes.All"/> at the default preset's value,
/// with only the position cap, the drawdown limits and the concentration limit searchable (the others fixed: min = max).
/// </summary>
internal sealed class TestRiskDefinition : IRiskGenomeDefinition
{
    private static readonly Dictionary<string, (double Default, double Min, double Max)> Searchable = new(StringComparer.Ordinal)
    {
        [RiskGenes.MaxPositionSizePct] = (0.10, 0.01, 1.0),
        [RiskGenes.DailyDrawdownLimitPct] = (0.05, 0.01, 0.20),
        [RiskGenes.TotalDrawdownLimitPct] = (0.20, 0.05, 0.50),
        [RiskGenes.ConcentrationLimitPct] = (0.25, 0.05, 2.0),
    };

    private static readonly RiskGenome Preset = new();

    public string Id => "test";

    public string Description => "engine test genome";

    public IReadOnlyList<GeneSpec> Genes { get; } = RiskGenes.All.Select(Spec).ToArray();

    public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes)
    {
        var g = RiskGenome.FromGenes(Genes, genes);
        var problems = new List<string>();
        if (g.DailyDrawdownLimitPct > g.TotalDrawdownLimitPct)
        {
            problems.Add("daily_drawdown_limit_pct must not exceed total_drawdown_limit_pct");
        }

        return problems;
    }

    private static GeneSpec Spec(string name)
    {
        if (Searchable.TryGetValue(name, out var s))
        {
            return new GeneSpec(name, GeneKind.Real, s.Min, s.Max, s.Default, name);
        }

        var value = (double)typeof(RiskGenome).GetProperties().Single(p => Snake(p.Name) == name).GetValue(Preset)!;
        return new GeneSpec(name, GeneKind.Real, value, value, value, name);
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
