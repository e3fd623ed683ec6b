using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.Statistics;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Evolution;

public sealed class RunSummarizerTests
{
    private static EvaluatedIndividual Entry(Individual ind, double fitness, long sequence) =>
        new(ind, IndividualEvaluation.Ok([]), FitnessScore.Failed with { Fitness = fitness }, 0, sequence);

    [Fact]
    public void HallOfFame_NearCopyOfABetterMember_IsSkippedOtherSeedTypesAndDistantOnesKept()
    {
        var best = Entry(new Individual("alpha", "1.0.0", [5.0, 20, 1]), 3.0, 0);
        var nearCopy = Entry(new Individual("alpha", "1.0.0", [5.3, 20, 1]), 2.9, 1);  // distance 0.3 / 10 / 3 = 0.01
        var otherType = Entry(new Individual("beta", "2.1.0", [0.0, 0.3]), 2.8, 2);
        var distant = Entry(new Individual("alpha", "1.0.0", [5.0, 20, 2]), 2.7, 3);   // other category: distance 1/3
        var tie = Entry(new Individual("alpha", "1.0.0", [9.0, 40, 0]), 2.7, 4);
        var options = new EvolutionOptions { HallOfFameSize = 3 };

        var hof = RunSummarizer.HallOfFame([tie, distant, otherType, nearCopy, best], TestGenomes.Problem(), options);
        var exact = RunSummarizer.HallOfFame([tie, distant, otherType, nearCopy, best], TestGenomes.Problem(), options with { HallOfFameMinDistance = 0 });

        Assert.Equal([0L, 2, 3], hof.Select(e => e.Sequence));   // ties by first evaluation: 3 before 4
        Assert.Equal([0L, 1, 2], exact.Select(e => e.Sequence));
    }

    [Fact]
    public void HallOfFame_PerType_ReservesTheBestOfEachSurvivingSeedTypeThenFillsByFitness()
    {
        var a1 = Entry(new Individual("alpha", "1.0.0", [1.0, 1, 0]), 5.0, 0);
        var a2 = Entry(new Individual("alpha", "1.0.0", [9.0, 40, 2]), 4.0, 1);
        var a3 = Entry(new Individual("alpha", "1.0.0", [5.0, 20, 1]), 3.0, 2);
        var b1 = Entry(new Individual("beta", "2.1.0", [0.0, 0.3]), 1.0, 3);
        var b2 = Entry(new Individual("beta", "2.1.0", [4.0, 0.9]), 0.5, 4);
        EvaluatedIndividual[] all = [b2, a3, b1, a2, a1];
        var three = new EvolutionOptions { HallOfFameSize = 3 };
        var problem = TestGenomes.Problem();

        Assert.Equal([0L, 1, 3], RunSummarizer.HallOfFame(all, problem, three).Select(e => e.Sequence));
        Assert.Equal([0L, 1, 2], RunSummarizer.HallOfFame(all, problem, three with { HallOfFamePerType = 0 }).Select(e => e.Sequence));
        Assert.Equal([0L, 1, 2], RunSummarizer.HallOfFame(all, problem, three, ["alpha"]).Select(e => e.Sequence));
        Assert.Equal([0L, 1, 3], RunSummarizer.HallOfFame(all, problem, three with { HallOfFamePerType = 2 }).Select(e => e.Sequence));
        Assert.Equal([0L, 1, 3, 4], RunSummarizer.HallOfFame(all, problem, three with { HallOfFamePerType = 2, HallOfFameSize = 4 }).Select(e => e.Sequence));
        Assert.Equal([0L, 3], RunSummarizer.HallOfFame(all, problem, three with { HallOfFameSize = 2, HallOfFamePerType = 5 }).Select(e => e.Sequence));
    }

    [Fact]
    public void Distance_HandComputed()
    {
        var a = new Individual("alpha", "1.0.0", [2.0, 11, 0]);
        var b = new Individual("alpha", "1.0.0", [7.0, 1, 0]);

        // (5 / 10 + 10 / 49 + 0) / 3
        Assert.Equal(((5.0 / 10) + (10.0 / 49)) / 3, Diversity.Distance(a, b, TestGenomes.Alpha), 12);
        Assert.Equal(1.0, Diversity.Distance(a, new Individual("beta", "2.1.0", [0, 0]), TestGenomes.Alpha));
    }
}
