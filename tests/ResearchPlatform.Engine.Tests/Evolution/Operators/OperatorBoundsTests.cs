using ResearchPlatform.Engine.Evolution.Operators;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Tests.Evolution.Operators;

public sealed class OperatorBoundsTests
{
    [Theory]
    [InlineData(0, -2.5, 2.5)]   // reflected off the lower bound
    [InlineData(0, 12.0, 8.0)]   // reflected off the upper bound
    [InlineData(0, 35.0, 0.0)]   // a step larger than the range is clamped after reflecting
    [InlineData(1, 20.4, 20.0)]  // integer: rounded
    [InlineData(1, 20.5, 21.0)]  // integer: half away from zero
    [InlineData(1, 77.0, 50.0)]  // integer: clamped
    [InlineData(2, -1.0, 0.0)]   // categorical: clamped to the first choice
    [InlineData(2, 2.6, 2.0)]    // categorical: clamped to the last choice
    public void Repair_OutOfRange_ReturnsExpectedValue(int gene, double value, double expected)
    {
        Assert.Equal(expected, BoundsRepair.Repair(TestGenomes.Alpha, gene, value));
    }

    [Fact]
    public void Mutation_TenThousandDraws_StaysInBoundsWholeForDiscreteAndMovesEveryGene()
    {
        var rng = new Random(1);
        var genome = TestGenomes.Alpha;
        var genes = new[] { 9.9, 50.0, 2.0 };
        var changedCategorical = 0;

        for (var k = 0; k < 10_000; k++)
        {
            var before = genes[2];
            var changed = Mutation.Apply(genome, genes, 1.0, 0.3, rng);
            Assert.Equal(3, changed);
            Assert.InRange(genes[0], 0, 10);
            Assert.InRange(genes[1], 1, 50);
            Assert.Equal(Math.Round(genes[1]), genes[1]);
            Assert.Contains(genes[2], new[] { 0.0, 1.0, 2.0 });
            changedCategorical += genes[2] != before ? 1 : 0;
        }

        Assert.Equal(10_000, changedCategorical);
    }

    [Fact]
    public void Mutation_RealGene_SigmaIsScaleTimesRange()
    {
        var rng = new Random(2);
        var genome = TestGenomes.Beta; // y in [-5, 5]: range 10
        var deltas = new List<double>();
        for (var k = 0; k < 20_000; k++)
        {
            double[] genes = [0.0, 0.5];
            Mutation.Apply(genome, genes, 1.0, 0.05, rng); // sigma 0.5: reflection is practically never needed
            deltas.Add(genes[0]);
        }

        var mean = deltas.Average();
        var sd = Math.Sqrt(deltas.Sum(d => (d - mean) * (d - mean)) / deltas.Count);
        Assert.Equal(0.0, mean, 1);
        Assert.Equal(0.5, sd, 1);
    }

    [Theory]
    [InlineData("Sbx")]
    [InlineData("Blend")]
    public void Crossover_ManyPairs_ChildrenInsideBoundsAndDiscreteGenesFromAParent(string kindName)
    {
        var kind = Enum.Parse<CrossoverKind>(kindName);
        var rng = new Random(3);
        var genome = TestGenomes.Alpha;
        for (var k = 0; k < 5_000; k++)
        {
            double[] a = [rng.NextDouble() * 10, 1 + rng.Next(50), rng.Next(3)];
            double[] b = [rng.NextDouble() * 10, 1 + rng.Next(50), rng.Next(3)];
            var discrete = new[] { a[1], b[1], a[2], b[2] };

            Crossover.Apply(genome, a, b, kind, 2.0, 1.0, rng);

            Assert.InRange(a[0], 0, 10);
            Assert.InRange(b[0], 0, 10);
            Assert.Contains(a[1], discrete.Take(2));
            Assert.Contains(b[1], discrete.Take(2));
            Assert.Contains(a[2], discrete.Skip(2));
        }
    }

    [Fact]
    public void Sbx_IdenticalParents_ChildrenUnchanged()
    {
        var x = 3.25;
        var y = 3.25;

        Crossover.Sbx(ref x, ref y, 0, 10, 15, new Random(5));

        Assert.Equal(3.25, x);
        Assert.Equal(3.25, y);
    }

    [Fact]
    public void Sbx_ManyPairs_PreservesTheParentsMean()
    {
        var rng = new Random(6);
        var sum = 0.0;
        const int n = 20_000;
        for (var k = 0; k < n; k++)
        {
            var x = 4.0;
            var y = 6.0;
            Crossover.Sbx(ref x, ref y, 0, 10, 15, rng);
            sum += x + y;
        }

        Assert.Equal(10.0, sum / n, 2);
    }

    [Fact]
    public void Initializer_RandomIndividuals_UniformInsideBoundsAndIntegersWhole()
    {
        var rng = new Random(7);
        var xs = new List<double>();
        for (var k = 0; k < 5_000; k++)
        {
            var ind = PopulationInitializer.Random(TestGenomes.Alpha, 1, rng);
            xs.Add(ind.Genes[0]);
            Assert.InRange(ind.Genes[1], 1, 50);
            Assert.Equal(Math.Round(ind.Genes[1]), ind.Genes[1]);
            Assert.Contains(ind.Genes[2], new[] { 0.0, 1.0, 2.0 });
        }

        Assert.Equal(5.0, xs.Average(), 0);
        Assert.True(xs.Min() < 0.1 && xs.Max() > 9.9);
    }

    [Theory]
    [InlineData(10, new[] { 1.0, 1.0, 1.0 }, new[] { 4, 3, 3 })]
    [InlineData(200, new[] { 1.0, 1.0, 1.0, 1.0 }, new[] { 50, 50, 50, 50 })]
    [InlineData(7, new[] { 3.0, 0.0, 1.0 }, new[] { 5, 0, 2 })]
    [InlineData(1000, new[] { 0.5, 0.25, 0.125, 0.125 }, new[] { 500, 250, 125, 125 })]
    public void Allocate_Weights_LargestRemainderCounts(int size, double[] weights, int[] expected)
    {
        Assert.Equal(expected, PopulationInitializer.Allocate(size, weights));
    }

    [Fact]
    public void Random_SeedTypeRejectsEverything_ThrowsNamingIt()
    {
        var genome = TestGenomes.Beta with { Seed = new RejectingSeed() };

        var ex = Assert.Throws<InvalidOperationException>(() => PopulationInitializer.Random(genome, 3, new Random(1)));

        Assert.Contains("seed type 'beta'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("always wrong", ex.Message, StringComparison.Ordinal);
    }

    private sealed class RejectingSeed : ISeedType
    {
        public string Id => "beta";

        public string Description => "rejects every vector";

        public IReadOnlyList<GeneSpec> Genes => TestGenomes.Beta.Genes;

        public IReadOnlyList<string> Validate(ReadOnlySpan<double> genes) => ["always wrong"];

        public ISignalGenerator CreateGenerator(Sdk.Data.BarSeries bars, ReadOnlySpan<double> geneMatrix, int strategyCount) =>
            throw new NotSupportedException();
    }
}
