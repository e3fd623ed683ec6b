using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Operators;
using ResearchPlatform.Engine.Evolution.Statistics;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Evolution;

/// <summary>
/// Niching on the analytic landscape, where alpha (peak fitness about 2.3 Sharpe) beats beta (about 1.5): without
/// niching beta dies out; with speciation it survives every generation and the hall of fame spans both families.
/// </summary>
public sealed class EvolutionEngineNichingTests
{
    private static readonly EvolutionOptions Base = new() { PopulationSize = 60, Generations = 15, Seed = 5, StagnationGenerations = 0, ImmigrantRatio = 0 };

    private static Task<EvolutionResult> RunAsync(EvolutionOptions options, int threads = 1) =>
        new EvolutionEngine(new AnalyticEvaluator(), TimeProvider.System).RunAsync(TestGenomes.Problem(), options with { Threads = threads }, null, CancellationToken.None);

    [Fact]
    public async Task RunAsync_WithoutNiching_TheWeakerFamilyDiesOut()
    {
        var result = await RunAsync(Base with { Niching = NichingMode.None, HallOfFamePerType = 0 });

        Assert.Equal(0, result.Generations[^1].Diversity.SeedTypeCounts["beta"]);
        Assert.All(result.HallOfFame, h => Assert.Equal("alpha", h.Entry.Individual.SeedTypeId));
    }

    [Fact]
    public async Task RunAsync_SpeciesNiching_EveryFamilySurvivesEveryGenerationWithItsQuota()
    {
        var result = await RunAsync(Base);

        Assert.Equal(NichingMode.Species, Base.Niching);
        Assert.Equal(15, result.Generations.Count);
        // 48 offspring x 0.1 = 4 bred within each species, plus the species' best kept as an elite.
        Assert.All(result.Generations.Skip(1), g => Assert.InRange(g.Diversity.SeedTypeCounts["beta"], 5, 60));
        Assert.All(result.Generations.Skip(1), g => Assert.InRange(g.Diversity.SeedTypeCounts["alpha"], 5, 60));
        Assert.Equal(["alpha", "beta"], result.HallOfFame.Select(h => h.Entry.Individual.SeedTypeId).Distinct().Order());
    }

    [Fact]
    public async Task RunAsync_SharingNiching_WeakerFamilyLastsLongerAndDeterministicAcrossThreads()
    {
        var options = Base with { Niching = NichingMode.Sharing, SharingRadius = 0.2 };

        var a = await RunAsync(options, threads: 1);
        var b = await RunAsync(options, threads: 2);
        var none = await RunAsync(Base with { Niching = NichingMode.None });

        Assert.Equal(Fingerprint.Of(a), Fingerprint.Of(b));
        Assert.Equal(a.FinalPopulation.Select(p => p.Individual.Key), b.FinalPopulation.Select(p => p.Individual.Key));
        // Sharing (unlike speciation) guarantees no survival under tournament selection, but it holds beta off longer.
        Assert.True(Extinction(a) > Extinction(none) + 2, $"beta died out at generation {Extinction(a)} with sharing, {Extinction(none)} without niching");
    }

    [Fact]
    public async Task RunAsync_SpeciesNichingSameSeedTwice_IdenticalRuns()
    {
        var a = await RunAsync(Base, threads: 1);
        var b = await RunAsync(Base, threads: 2);
        var c = await RunAsync(Base, threads: 1);

        Assert.Equal(Fingerprint.Of(a), Fingerprint.Of(b));
        Assert.Equal(Fingerprint.Of(a), Fingerprint.Of(c));
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.2)]
    public async Task HallOfFame_MembersOfOneSeedType_AtLeastMinDistanceFromEveryBetterOne(double minDistance)
    {
        var result = await RunAsync(Base with { HallOfFameMinDistance = minDistance, Generations = 10 });
        var problem = TestGenomes.Problem();
        var hof = result.HallOfFame.Select(h => h.Entry).ToList();

        Assert.InRange(hof.Count, 10, 20);
        for (var i = 0; i < hof.Count; i++)
        {
            Assert.True(i == 0 || hof[i - 1].Score.Fitness >= hof[i].Score.Fitness, "hall of fame not ordered by fitness");
            var genome = problem.SeedTypes.Single(g => g.SeedTypeId == hof[i].Individual.SeedTypeId);
            for (var j = 0; j < i; j++)
            {
                if (hof[j].Individual.SeedTypeId == hof[i].Individual.SeedTypeId)
                {
                    Assert.True(Diversity.Distance(hof[j].Individual, hof[i].Individual, genome) >= minDistance, $"{hof[i].Individual.Key} is too close to {hof[j].Individual.Key}");
                }
            }
        }
    }

    private static int Extinction(EvolutionResult result) =>
        result.Generations.FirstOrDefault(g => g.Diversity.SeedTypeCounts["beta"] == 0)?.Generation ?? int.MaxValue;

    [Fact]
    public void Quotas_ShareCappedAtOnePerSpeciesAndEmptySpeciesGetNone()
    {
        List<int>[] species = [[0, 1], [], [2], [3, 4, 5]];

        Assert.Equal([10, 0, 10, 10], Niching.Quotas(species, 100, 0.1));
        Assert.Equal([33, 0, 33, 33], Niching.Quotas(species, 100, 0.9));
        Assert.Equal([0, 0, 0], Niching.Quotas([[], [], []], 100, 0.1));
    }

    [Fact]
    public void Share_HandComputedNicheCounts()
    {
        var genome = TestGenomes.Beta; // y in [-5, 5], z in [0, 1]
        var members = new[]
        {
            new Engine.Evolution.Genome.Individual("beta", "2.1.0", [0.0, 0.5]),
            new Engine.Evolution.Genome.Individual("beta", "2.1.0", [1.0, 0.5]),   // distance to 0: (1/10 + 0) / 2 = 0.05
            new Engine.Evolution.Genome.Individual("beta", "2.1.0", [-5.0, 0.0]),  // far from both
        };
        double[] fitness = [3.0, 2.0, 1.0];
        var shared = new double[3];

        Niching.Share(members, fitness, [[0, 1, 2]], [genome], 0.1, shared);

        // radius 0.1: members 0 and 1 each count 1 + (1 - 0.05 / 0.1) = 1.5; member 2 counts only itself.
        Assert.Equal((2.0 + 1e-9) / 1.5, shared[0], 12);
        Assert.Equal((1.0 + 1e-9) / 1.5, shared[1], 12);
        Assert.Equal(1e-9, shared[2], 15);
    }
}
