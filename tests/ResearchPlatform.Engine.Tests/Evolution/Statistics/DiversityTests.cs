using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.Statistics;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Evolution.Statistics;

public sealed class DiversityTests
{
    [Fact]
    public void Measure_RandomPopulation_EqualsBruteForcePairwiseMean()
    {
        var rng = new Random(4);
        var genomes = new[] { TestGenomes.Alpha, TestGenomes.Beta };
        var population = Enumerable.Range(0, 37)
            .Select(i => Engine.Evolution.Operators.PopulationInitializer.Random(genomes[i % 3 == 0 ? 1 : 0], 5, rng))
            .ToList();
        population.Add(population[0]);

        var snapshot = Diversity.Measure(population, genomes);

        Assert.Equal(BruteForce(population, genomes), snapshot.MeanGeneDistance, 12);
        Assert.Equal(37, snapshot.UniqueIndividuals);
        Assert.Equal(24, snapshot.SeedTypeCounts["alpha"]);
        Assert.Equal(14, snapshot.SeedTypeCounts["beta"]);
    }

    [Fact]
    public void Measure_IdenticalMembers_IsZeroAndOneUnique()
    {
        var one = new Individual("beta", "2.1.0", [1.0, 0.5]);

        var snapshot = Diversity.Measure([one, one, one], [TestGenomes.Alpha, TestGenomes.Beta]);

        Assert.Equal(0, snapshot.MeanGeneDistance);
        Assert.Equal(1, snapshot.UniqueIndividuals);
        Assert.Equal(0, snapshot.SeedTypeCounts["alpha"]);
    }

    [Fact]
    public void Measure_TwoSeedTypesOneEach_IsOne()
    {
        var snapshot = Diversity.Measure([new Individual("alpha", "1.0.0", [1, 2, 0]), new Individual("beta", "2.1.0", [0, 0])], [TestGenomes.Alpha, TestGenomes.Beta]);

        Assert.Equal(1.0, snapshot.MeanGeneDistance);
    }

    private static double BruteForce(List<Individual> population, SeedTypeGenome[] genomes)
    {
        double sum = 0;
        var pairs = 0;
        for (var i = 0; i < population.Count; i++)
        {
            for (var j = i + 1; j < population.Count; j++)
            {
                pairs++;
                var a = population[i];
                var b = population[j];
                if (a.SeedTypeId != b.SeedTypeId)
                {
                    sum += 1;
                    continue;
                }

                var g = genomes.Single(x => x.SeedTypeId == a.SeedTypeId);
                double d = 0;
                for (var k = 0; k < g.Genes.Count; k++)
                {
                    d += g.Genes[k].Kind == Sdk.Seeds.GeneKind.Categorical
                        ? (a.Genes[k] == b.Genes[k] ? 0 : 1)
                        : Math.Abs(a.Genes[k] - b.Genes[k]) / (g.Upper(k) - g.Lower(k));
                }

                sum += d / g.Genes.Count;
            }
        }

        return sum / pairs;
    }
}
