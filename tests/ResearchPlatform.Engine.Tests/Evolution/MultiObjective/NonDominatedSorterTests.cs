using ResearchPlatform.Engine.Evolution.MultiObjective;

namespace ResearchPlatform.Engine.Tests.Evolution.MultiObjective;

public sealed class NonDominatedSorterTests
{
    // Maximise both. Ranked by hand:
    //   front 0: A(5,1) B(4,3) C(2,4) E(1,5)  (no point beats another on both objectives)
    //   front 1: D(3,2) (beaten by B), G(1,4) (beaten by C)
    //   front 2: F(2,2) (beaten by D)
    //   front 3: H(1,1) (beaten by F)
    private static readonly ObjectivePoint[] Points =
    [
        new(5, 1), // A 0
        new(4, 3), // B 1
        new(2, 4), // C 2
        new(3, 2), // D 3
        new(1, 5), // E 4
        new(2, 2), // F 5
        new(1, 4), // G 6
        new(1, 1), // H 7
    ];

    [Fact]
    public void Sort_HandMadeSet_ExpectedFronts()
    {
        var rank = new int[Points.Length];

        var fronts = NonDominatedSorter.Sort(Points, rank);

        Assert.Equal([[0, 1, 2, 4], [3, 6], [5], [7]], fronts);
        Assert.Equal([0, 0, 0, 1, 0, 2, 1, 3], rank);
    }

    [Fact]
    public void Sort_EqualPoints_ShareAFront()
    {
        var rank = new int[3];

        var fronts = NonDominatedSorter.Sort([new(1, 1), new(1, 1), new(0, 0)], rank);

        Assert.Equal([[0, 1], [2]], fronts);
    }

    [Fact]
    public void Dominates_Infeasible_LosesToFeasibleAndSmallerViolationWins()
    {
        var feasible = new ObjectivePoint(0, 0, 0);
        var slightly = new ObjectivePoint(10, 10, 0.1);
        var badly = new ObjectivePoint(20, 20, 0.5);

        Assert.True(feasible.Dominates(slightly));
        Assert.True(slightly.Dominates(badly));
        Assert.False(badly.Dominates(feasible));
    }

    [Fact]
    public void CrowdingDistance_FirstFront_BoundariesInfiniteInteriorNormalisedGaps()
    {
        var ranking = ParetoRanking.Of(Points);

        // Front 0 sorted by objective 1: E(1) C(2) B(4) A(5); by objective 2: A(1) B(3) C(4) E(5). Ranges 4 and 4.
        Assert.Equal(double.PositiveInfinity, ranking.Crowding[0]);
        Assert.Equal(double.PositiveInfinity, ranking.Crowding[4]);
        Assert.Equal(((4.0 - 1.0) / 4) + ((5.0 - 3.0) / 4), ranking.Crowding[2], 12); // C
        Assert.Equal(((5.0 - 2.0) / 4) + ((4.0 - 1.0) / 4), ranking.Crowding[1], 12); // B
    }

    [Fact]
    public void SelectBest_CutsLastFrontByCrowding()
    {
        var ranking = ParetoRanking.Of(Points);

        Assert.Equal([0, 1, 2, 4], ranking.SelectBest(4));
        Assert.Equal([0, 1, 2, 4, 3], ranking.SelectBest(5)); // front 1 is cut: both members infinite, lower index first
        Assert.Equal([0, 1, 2, 4, 3, 6, 5], ranking.SelectBest(7));
    }
}
