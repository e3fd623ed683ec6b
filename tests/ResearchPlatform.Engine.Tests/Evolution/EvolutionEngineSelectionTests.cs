using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.MultiObjective;
using ResearchPlatform.Engine.Evolution.Operators;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Tests.Evolution;

public sealed class EvolutionEngineSelectionTests
{
    private static readonly EvolutionOptions Options = new() { PopulationSize = 60, Generations = 15, Seed = 3, StagnationGenerations = 0 };

    [Theory]
    [InlineData(60, 0.2, "Species")]
    [InlineData(60, 0.2, "Sharing")]
    [InlineData(60, 0.2, "None")]
    [InlineData(10, 0.05, "Species")] // one elite place for two species: it must go to the better species' best (alpha, listed second)
    [InlineData(12, 0.05, "Species")]
    public async Task RunAsync_Composite_BestFitnessNeverDecreasesAndImproves(int population, double eliteRatio, string niching)
    {
        var options = Options with { PopulationSize = population, EliteRatio = eliteRatio, Niching = Enum.Parse<NichingMode>(niching), Generations = 30 };
        // beta first: the weaker species comes first in the species order, so elites taken in that order would drop alpha's best
        var result = await new EvolutionEngine(new AnalyticEvaluator(), TimeProvider.System)
            .RunAsync(TestGenomes.Problem(2000, FoldMode.Rolling, TestGenomes.Beta, TestGenomes.Alpha), options, null, CancellationToken.None);

        var best = result.Generations.Select(g => g.BestFitness).ToList();
        for (var i = 1; i < best.Count; i++)
        {
            Assert.True(best[i] >= best[i - 1], $"best fitness fell from {best[i - 1]} to {best[i]} at generation {i}");
        }

        Assert.True(best[^1] > best[0], "30 generations should improve on random search");
        Assert.Equal(best[^1], result.HallOfFame[0].Entry.Score.Fitness);
    }

    [Fact]
    public async Task RunAsync_EveryEvaluatedIndividual_GenesInsideBoundsAndDiscreteGenesWhole()
    {
        var evaluator = new AnalyticEvaluator();
        var options = Options with { MutationRate = 0.5, MutationScale = 0.5, Crossover = Engine.Evolution.Operators.CrossoverKind.Blend, BlendAlpha = 1.0 };

        await new EvolutionEngine(evaluator, TimeProvider.System).RunAsync(TestGenomes.Problem(), options, null, CancellationToken.None);

        var genomes = new[] { TestGenomes.Alpha, TestGenomes.Beta }.ToDictionary(g => g.SeedTypeId);
        var seen = evaluator.Calls.SelectMany(c => c.Batch).ToList();
        Assert.True(seen.Count > 300);
        foreach (var ind in seen)
        {
            var g = genomes[ind.SeedTypeId];
            for (var i = 0; i < g.Genes.Count; i++)
            {
                Assert.InRange(ind.Genes[i], g.Lower(i), g.Upper(i));
                if (g.Genes[i].Kind != GeneKind.Real)
                {
                    Assert.Equal(Math.Round(ind.Genes[i]), ind.Genes[i]);
                }
            }
        }
    }

    [Fact]
    public async Task RunAsync_LowMutation_RepeatsServedFromCacheNeverReevaluated()
    {
        var evaluator = new AnalyticEvaluator();
        var options = Options with { MutationRate = 0.02, CrossoverRate = 0.2 };

        var result = await new EvolutionEngine(evaluator, TimeProvider.System).RunAsync(TestGenomes.Problem(), options, null, CancellationToken.None);

        var generationCalls = evaluator.Calls.Where(c => c.Purpose == EvaluationPurpose.Generation).ToList();
        var evaluated = generationCalls.SelectMany(c => c.Batch).ToList();
        Assert.Equal(evaluated.Count, evaluated.Distinct().Count());
        var hits = result.Generations.Sum(g => g.CacheHits);
        Assert.True(hits > 50, $"expected many cache hits, got {hits}");
        Assert.Equal(evaluated.Count, result.Generations.Sum(g => g.Evaluations));
        Assert.Equal(evaluated.Count, result.DistinctEvaluations);
        var elites = (int)Math.Round(0.2 * 60);
        Assert.Equal((60 * 15) - (elites * 14), hits + evaluated.Count);
    }

    [Fact]
    public async Task RunAsync_FailingAndTimedOutEvaluations_CountedAndNeverInHallOfFame()
    {
        var evaluator = new AnalyticEvaluator
        {
            Override = ind => ind.SeedTypeId == "beta" && ind.Genes[1] > 0.8
                ? IndividualEvaluation.Failed("synthetic failure")
                : ind.SeedTypeId == "beta" && ind.Genes[1] < 0.1 ? IndividualEvaluation.TimedOut("synthetic timeout") : null,
        };

        var result = await new EvolutionEngine(evaluator, TimeProvider.System).RunAsync(TestGenomes.Problem(), Options, null, CancellationToken.None);

        var evaluated = evaluator.Calls.Where(c => c.Purpose == EvaluationPurpose.Generation).SelectMany(c => c.Batch).ToList();
        var expectedFailures = evaluated.Count(i => i.SeedTypeId == "beta" && i.Genes[1] > 0.8);
        var expectedTimeouts = evaluated.Count(i => i.SeedTypeId == "beta" && i.Genes[1] < 0.1);
        Assert.True(expectedFailures > 0 && expectedTimeouts > 0);
        Assert.Equal(expectedFailures, result.Generations.Sum(g => g.Failures));
        Assert.Equal(expectedTimeouts, result.Generations.Sum(g => g.Timeouts));
        Assert.All(result.HallOfFame, h => Assert.True(double.IsFinite(h.Entry.Score.Fitness)));
        Assert.DoesNotContain(result.HallOfFame, h => h.Entry.Individual.SeedTypeId == "beta" && (h.Entry.Individual.Genes[1] > 0.8 || h.Entry.Individual.Genes[1] < 0.1));
    }

    [Fact]
    public async Task RunAsync_Pareto_FrontIsExactlyTheNonDominatedDistinctFinalMembers()
    {
        var options = Options with { Objective = EvolutionObjective.Pareto, Generations = 10 };

        var result = await new EvolutionEngine(new AnalyticEvaluator(), TimeProvider.System).RunAsync(TestGenomes.Problem(), options, null, CancellationToken.None);

        var distinct = result.FinalPopulation.DistinctBy(p => p.Individual).ToList();
        var expected = distinct.Where(p => !distinct.Any(q => Point(q).Dominates(Point(p)))).Select(p => p.Individual.Key).Order().ToList();
        Assert.NotEmpty(result.ParetoFront);
        Assert.Equal(expected, result.ParetoFront.Select(f => f.Entry.Individual.Key).Order());
        Assert.True(result.Generations[^1].ParetoFrontSize >= result.ParetoFront.Count);
        var o1 = result.ParetoFront.Select(f => f.Entry.Score.Objective1).ToList();
        Assert.Equal(o1.OrderByDescending(v => v), o1);
    }

    [Fact]
    public async Task RunAsync_CollapsedPopulation_InjectsImmigrants()
    {
        // A seed type whose only gene has a single legal value: every member is identical, diversity is 0.
        var narrow = new Engine.Evolution.Genome.SeedTypeGenome("alpha", "1", [new GeneSpec("x", GeneKind.Integer, 7, 7, 7, "fixed"), new GeneSpec("n", GeneKind.Integer, 20, 20, 20, "fixed"), new GeneSpec("m", GeneKind.Integer, 1, 1, 1, "fixed")]);
        var problem = TestGenomes.Problem(2000, Engine.Evolution.WalkForward.FoldMode.Rolling, narrow, TestGenomes.Beta);
        var options = Options with { Generations = 3, SeedTypeWeights = new Dictionary<string, double> { ["alpha"] = 1, ["beta"] = 0 } };

        var result = await new EvolutionEngine(new AnalyticEvaluator(), TimeProvider.System).RunAsync(problem, options, null, CancellationToken.None);

        Assert.Equal(1, result.Generations[0].Diversity.UniqueIndividuals);
        Assert.Equal(0, result.Generations[0].Diversity.SeedTypeCounts["beta"]);
        Assert.Equal(12, result.Generations[1].Immigrants); // 0.2 x 60, all alpha by weight
        Assert.Equal(0, result.Generations[1].Diversity.SeedTypeCounts["beta"]);
    }

    private static ObjectivePoint Point(EvaluatedIndividual e) => new(e.Score.Objective1, e.Score.Objective2, e.Score.Violation);
}
