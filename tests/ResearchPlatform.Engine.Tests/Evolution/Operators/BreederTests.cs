using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.Operators;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Tests.Evolution.Operators;

public sealed class BreederTests
{
    private static readonly GeneSpec[] Pair =
    [
        new("fast", GeneKind.Integer, 2, 50, 10, "fast period"),
        new("slow", GeneKind.Integer, 3, 60, 30, "slow period"),
    ];

    [Fact]
    public void Breed_TwoSeedTypes_CrossoverNeverMixesSeedTypes()
    {
        // Same gene layout for both types; without mutation a child can only differ from 0.25 by mixing with "b".
        var a = new SeedTypeGenome("a", "1", [new GeneSpec("g", GeneKind.Real, 0, 1, 0.5, "g")]);
        var b = a with { SeedTypeId = "b" };
        var parents = Enumerable.Range(0, 40).Select(i => new Individual(i % 2 == 0 ? "a" : "b", "1", [i % 2 == 0 ? 0.25 : 0.75])).ToList();
        var options = new EvolutionOptions { CrossoverRate = 1.0, MutationRate = 0.0 };
        var breeder = new Breeder([a, b], [1, 1], options);

        var children = breeder.Breed(parents, new double[40], new double[40], 400, 0, new Random(1));

        Assert.Equal(400, children.Count);
        Assert.All(children, c => Assert.Equal(c.SeedTypeId == "a" ? 0.25 : 0.75, c.Genes[0]));
    }

    [Fact]
    public void Breed_SeedTypeRuleFastBelowSlow_EveryChildValid()
    {
        var genome = new SeedTypeGenome("ma", "1", Pair, new FastBelowSlow());
        var parents = Enumerable.Range(0, 30).Select(i => new Individual("ma", "1", [2 + i, 33 + i])).ToList();
        var options = new EvolutionOptions { CrossoverRate = 1.0, MutationRate = 0.9, MutationScale = 1.0 };

        var children = new Breeder([genome], [1], options).Breed(parents, new double[30], new double[30], 500, 50, new Random(2));

        Assert.Equal(500, children.Count);
        Assert.All(children, c => Assert.True(c.Genes[0] < c.Genes[1], $"{c.Key} breaks fast < slow"));
    }

    [Fact]
    public void Breed_Tournament_PrefersFitterParents()
    {
        var a = new SeedTypeGenome("a", "1", [new GeneSpec("g", GeneKind.Integer, 0, 99, 0, "g")]);
        var parents = Enumerable.Range(0, 100).Select(i => new Individual("a", "1", [i])).ToList();
        var fitness = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        var options = new EvolutionOptions { CrossoverRate = 0.0, MutationRate = 0.0, TournamentSize = 3 };

        var children = new Breeder([a], [1], options).Breed(parents, fitness, new double[100], 10_000, 0, new Random(3));

        // The max of 3 uniform draws on 0..99 has mean 99 - (99 * 100 / 2)^2 / 100^3 = 74.4975.
        Assert.InRange(children.Average(c => c.Genes[0]), 74.0, 75.0);
    }

    private sealed class FastBelowSlow : ISeedType
    {
        public string Id => "ma";

        public string Description => "fast < slow";

        public IReadOnlyList<GeneSpec> Genes => Pair;

        public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) => genes[0] < genes[1] ? [] : ["fast must be below slow"];

        public ISignalGenerator CreateGenerator(Sdk.Data.BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount) =>
            throw new NotSupportedException();
    }
}
