using ResearchPlatform.Sdk.Risk;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Plugins.RiskGenomes.Tests;

public sealed class RiskGenomePresetTests
{
    public static TheoryData<string> PresetIds => new() { "default", "conservative", "aggressive" };

    private static IRiskGenomeDefinition Preset(string id) => id switch
    {
        "default" => new DefaultRiskGenome(),
        "conservative" => new ConservativeRiskGenome(),
        _ => new AggressiveRiskGenome(),
    };

    private static double[] Defaults(IRiskGenomeDefinition d) => d.Genes.Select(g => g.Default).ToArray();

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void Genes_EveryPreset_HasTheTwentyTwoRequiredGenesInCanonicalOrder(string id)
    {
        var d = Preset(id);
        Assert.Equal(id, d.Id);
        Assert.Equal(RiskGenes.All, d.Genes.Select(g => g.Name));
        Assert.Equal(22, d.Genes.Count);
    }

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void Genes_EveryPreset_DefaultsWithinBoundsAndValid(string id)
    {
        var d = Preset(id);
        Assert.All(d.Genes, g => Assert.InRange(g.Default, g.Min, g.Max));
        Assert.All(d.Genes.Where(g => g.Kind == GeneKind.Integer), g => Assert.Equal(Math.Round(g.Default), g.Default));
        Assert.Empty(d.Validate(Defaults(d)));
    }

    [Fact]
    public void Default_Defaults_EqualRiskGenomePropertyDefaults() =>
        Assert.Equal(new RiskGenome(), RiskGenome.Defaults(new DefaultRiskGenome()));

    [Fact]
    public void Presets_Limits_ConservativeTighterThanDefaultTighterThanAggressive()
    {
        var c = RiskGenome.Defaults(new ConservativeRiskGenome());
        var d = RiskGenome.Defaults(new DefaultRiskGenome());
        var a = RiskGenome.Defaults(new AggressiveRiskGenome());
        Assert.True(c.MaxPositionSizePct < d.MaxPositionSizePct && d.MaxPositionSizePct < a.MaxPositionSizePct);
        Assert.True(c.DailyDrawdownLimitPct < d.DailyDrawdownLimitPct && d.DailyDrawdownLimitPct < a.DailyDrawdownLimitPct);
        Assert.True(c.TotalDrawdownLimitPct < d.TotalDrawdownLimitPct && d.TotalDrawdownLimitPct < a.TotalDrawdownLimitPct);
        Assert.True(c.KellyFraction < d.KellyFraction && d.KellyFraction < a.KellyFraction);
    }

    [Fact]
    public void Validate_DailyLimitAboveTotal_Reported()
    {
        var d = new DefaultRiskGenome();
        var v = Defaults(d);
        v[IndexOf(d, RiskGenes.DailyDrawdownLimitPct)] = 0.3;
        Assert.Equal(["daily_drawdown_limit_pct must not exceed total_drawdown_limit_pct"], d.Validate(v));
    }

    [Fact]
    public void Validate_FearGreedBoundsCrossedAndNegativeValue_BothReported()
    {
        var d = new DefaultRiskGenome();
        var v = Defaults(d);
        v[IndexOf(d, RiskGenes.FearGreedExtremeLow)] = 95;
        v[IndexOf(d, RiskGenes.StopLossPct)] = -0.01;
        Assert.Equal(
            ["stop_loss_pct must not be negative (got -0.01)", "fear_greed_extreme_low must be below fear_greed_extreme_high"],
            d.Validate(v));
    }

    [Fact]
    public void Validate_NegativeMinSharpe_Allowed()
    {
        var d = new DefaultRiskGenome();
        var v = Defaults(d);
        v[IndexOf(d, RiskGenes.MinSharpeContinuation)] = -1;
        Assert.Empty(d.Validate(v));
    }

    [Fact]
    public void Validate_WrongLength_Reported() =>
        Assert.Equal(["expected 22 genes, got 3"], new DefaultRiskGenome().Validate([1, 2, 3]));

    private static int IndexOf(IRiskGenomeDefinition d, string gene) => d.Genes.ToList().FindIndex(g => g.Name == gene);
}
