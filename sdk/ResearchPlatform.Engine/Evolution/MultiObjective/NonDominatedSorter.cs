namespace ResearchPlatform.Engine.Evolution.MultiObjective;

/// <summary>
/// Fast non-dominated sorting (Deb et al. 2002, NSGA-II): splits points into fronts F0 (non-dominated), F1 (dominated
/// only by F0), ... Fronts list indices in ascending order, so the result is deterministic.
/// </summary>
internal static class NonDominatedSorter
{
    /// <summary>The fronts, best first; <paramref name="rank"/>[i] receives the front of point i.</summary>
    public static List<List<int>> Sort(IReadOnlyList<ObjectivePoint> points, int[] rank)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(rank);
        var n = points.Count;
        var dominatedBy = new int[n];
        var dominates = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            dominates[i] = [];
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (points[i].Dominates(points[j]))
                {
                    dominates[i].Add(j);
                    dominatedBy[j]++;
                }
                else if (points[j].Dominates(points[i]))
                {
                    dominates[j].Add(i);
                    dominatedBy[i]++;
                }
            }
        }

        var fronts = new List<List<int>>();
        var current = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (dominatedBy[i] == 0)
            {
                rank[i] = 0;
                current.Add(i);
            }
        }

        while (current.Count > 0)
        {
            fronts.Add(current);
            var next = new List<int>();
            foreach (var p in current)
            {
                foreach (var q in dominates[p])
                {
                    if (--dominatedBy[q] == 0)
                    {
                        rank[q] = fronts.Count;
                        next.Add(q);
                    }
                }
            }

            next.Sort();
            current = next;
        }

        return fronts;
    }
}
