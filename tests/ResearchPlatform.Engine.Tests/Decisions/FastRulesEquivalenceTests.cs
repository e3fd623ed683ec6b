using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Tests.Decisions;

/// <summary>
/// The default pool-sizing, retirement and approval rules were rewritten for speed (one pass, no LINQ, one reasoning
/// buffer). On random strategy pools they must decide exactly what the former rules (kept in ReferenceRules/) decided:
/// the same value, confidence, urgency, inputs and reasoning text.
/// </summary>
public sealed class FastRulesEquivalenceTests : IDisposable
{
    private static readonly DecisionType[] Rewritten = [DecisionType.StrategyPoolSizing, DecisionType.StrategyRetirement, DecisionType.NewStrategyApproval];
    private readonly RulesFolder _fast = new();
    private readonly RulesFolder _reference = new();
    private readonly RuleSet _fastRules;
    private readonly RuleSet _referenceRules;

    public FastRulesEquivalenceTests()
    {
        foreach (var type in Rewritten)
        {
            var name = RuleFiles.FileName(type);
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Decisions", "ReferenceRules", name), _reference.File(name), overwrite: true);
        }

        _fastRules = new RuleSet(_fast.Path);
        _referenceRules = new RuleSet(_reference.Path);
        Assert.All(_fastRules.LoadAll().Concat(_referenceRules.LoadAll()), e => Assert.True(e.Succeeded, string.Join("\n", e.Errors)));
    }

    public void Dispose()
    {
        _fastRules.Dispose();
        _referenceRules.Dispose();
        _fast.Dispose();
        _reference.Dispose();
    }

    [Fact]
    public void Evaluate_RandomPools_FastRulesEqualReferenceRules()
    {
        var rng = new Random(2026);
        for (var i = 0; i < 600; i++)
        {
            var context = RandomContext(rng) with { Thresholds = _fastRules.Thresholds };
            foreach (var type in Rewritten)
            {
                Assert.NotEqual(_fastRules.Current(type)!.Hash, _referenceRules.Current(type)!.Hash);
                var fast = _fastRules.Current(type)!.Evaluate(context, CancellationToken.None);
                var reference = _referenceRules.Current(type)!.Evaluate(context, CancellationToken.None);

                Assert.Equal(Json(reference.Value), Json(fast.Value)); // the values hold lists: compare their content
                Assert.Equal(reference.Confidence, fast.Confidence);
                Assert.Equal(reference.Urgency, fast.Urgency);
                Assert.Equal(reference.Reasoning, fast.Reasoning);
                Assert.Equal(reference.Inputs.OrderBy(p => p.Key, StringComparer.Ordinal), fast.Inputs.OrderBy(p => p.Key, StringComparer.Ordinal));
            }
        }
    }

    private static string Json(DecisionValue value) => System.Text.Json.JsonSerializer.Serialize(value, value.GetType());

    private static DecisionContext RandomContext(Random rng)
    {
        StrategyPerformance? Perf() => rng.NextDouble() < 0.1 ? null
            : new StrategyPerformance(rng.NextDouble() * 4 - 1.5, rng.NextDouble() * 0.4 - 0.1, rng.NextDouble() * 0.3, rng.Next(0, 40), rng.Next(0, 12));
        var stages = Enum.GetValues<StrategyStage>();
        var strategies = Enumerable.Range(0, rng.Next(0, 25))
            .Select(i => new StrategySnapshot("s" + i, stages[rng.Next(stages.Length)], Perf(), Perf(), Perf()))
            .ToList();
        return new DecisionContext { Capital = rng.NextDouble() * 80_000, Strategies = strategies };
    }
}
