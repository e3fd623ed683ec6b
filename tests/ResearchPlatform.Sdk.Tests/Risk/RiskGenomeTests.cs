using ResearchPlatform.Sdk.Risk;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Sdk.Tests.Risk;

public sealed class RiskGenomeTests
{
    private static GeneSpec Gene(string name) => new(name, GeneKind.Real, 0, 100, 1, name);

    [Fact]
    public void FromGenes_AllGenesAnyOrder_MapsEachByName()
    {
        var names = RiskGenes.All.Reverse().ToArray();
        var values = names.Select((_, i) => (double)i).ToArray();
        var g = RiskGenome.FromGenes(names.Select(Gene).ToList(), values);
        Assert.Equal(Array.IndexOf(names, RiskGenes.StopLossPct), g.StopLossPct);
        Assert.Equal(Array.IndexOf(names, RiskGenes.TargetVolatilityPct), g.TargetVolatilityPct);
        Assert.Equal(Array.IndexOf(names, RiskGenes.ConsecutiveLossLimit), g.ConsecutiveLossLimit);
    }

    [Fact]
    public void FromGenes_MissingGenes_NamesThem()
    {
        var genes = RiskGenes.All.Where(n => n is not RiskGenes.KellyFraction and not RiskGenes.StopLossPct).Select(Gene).ToList();
        var ex = Assert.Throws<ArgumentException>(() => RiskGenome.FromGenes(genes, new double[genes.Count]));
        Assert.StartsWith("risk genome is missing genes: stop_loss_pct, kelly_fraction", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromGenes_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => RiskGenome.FromGenes(RiskGenes.All.Select(Gene).ToList(), new double[3]));

    [Fact]
    public void Verdicts_Factories_CarryTheNumbers()
    {
        var checks = new[] { new RiskCheck("max_position_size_pct", 0.15, 0.10, false) };
        var resize = TradeRiskVerdict.Resize(150, 100, RiskLevel.Low, "cap", checks);
        var reject = TradeRiskVerdict.Reject(5, RiskLevel.Critical, "reduce only", []);
        Assert.Equal((RiskDecision.Resize, 150.0, 100.0), (resize.Decision, resize.RequestedQuantity, resize.ApprovedQuantity));
        Assert.Equal((RiskDecision.Reject, 0.0, "reduce only"), (reject.Decision, reject.ApprovedQuantity, reject.Reason));
    }
}
