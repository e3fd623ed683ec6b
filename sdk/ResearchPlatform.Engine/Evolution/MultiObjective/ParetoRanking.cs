namespace ResearchPlatform.Engine.Evolution.MultiObjective;

/// <summary>Front rank and crowding distance of every point of a set (NSGA-II ordering).</summary>
internal sealed class ParetoRanking
{
    private ParetoRanking(int[] rank, double[] crowding, List<List<int>> fronts)
    {
        Rank = rank;
        Crowding = crowding;
        Fronts = fronts;
    }

    /// <summary>Front of each point (0 = non-dominated).</summary>
    public int[] Rank { get; }

    /// <summary>Crowding distance of each point within its front.</summary>
    public double[] Crowding { get; }

    /// <summary>Fronts, best first, each listing point indices ascending.</summary>
    public List<List<int>> Fronts { get; }

    /// <summary>Ranks <paramref name="points"/>.</summary>
    public static ParetoRanking Of(IReadOnlyList<ObjectivePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var rank = new int[points.Count];
        var crowding = new double[points.Count];
        var fronts = NonDominatedSorter.Sort(points, rank);
        foreach (var front in fronts)
        {
            CrowdingDistance.Assign(points, front, crowding);
        }

        return new ParetoRanking(rank, crowding, fronts);
    }

    /// <summary>
    /// NSGA-II environmental selection: the <paramref name="count"/> best points by front, the last front cut by
    /// crowding distance (larger first, ties by index). Returns indices in selection order.
    /// </summary>
    public List<int> SelectBest(int count)
    {
        var chosen = new List<int>(count);
        foreach (var front in Fronts)
        {
            if (chosen.Count + front.Count <= count)
            {
                chosen.AddRange(front);
                continue;
            }

            var byCrowding = front.OrderByDescending(i => Crowding[i]).ThenBy(i => i);
            chosen.AddRange(byCrowding.Take(count - chosen.Count));
            break;
        }

        return chosen;
    }
}
