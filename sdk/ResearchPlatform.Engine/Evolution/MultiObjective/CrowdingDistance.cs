namespace ResearchPlatform.Engine.Evolution.MultiObjective;

/// <summary>
/// NSGA-II crowding distance within one front: boundary points get +infinity, interior points the sum over objectives
/// of the normalised gap between their neighbours. Ties in an objective are ordered by index (deterministic).
/// </summary>
internal static class CrowdingDistance
{
    /// <summary>Writes the crowding distance of every member of <paramref name="front"/> into <paramref name="distance"/>.</summary>
    public static void Assign(IReadOnlyList<ObjectivePoint> points, IReadOnlyList<int> front, double[] distance)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(front);
        ArgumentNullException.ThrowIfNull(distance);
        foreach (var i in front)
        {
            distance[i] = 0;
        }

        if (front.Count <= 2)
        {
            foreach (var i in front)
            {
                distance[i] = double.PositiveInfinity;
            }

            return;
        }

        var order = front.ToArray();
        AddObjective(order, distance, i => points[i].Objective1);
        AddObjective(order, distance, i => points[i].Objective2);
    }

    private static void AddObjective(int[] order, double[] distance, Func<int, double> value)
    {
        Array.Sort(order, (a, b) =>
        {
            var c = value(a).CompareTo(value(b));
            return c != 0 ? c : a.CompareTo(b);
        });
        var min = value(order[0]);
        var max = value(order[^1]);
        distance[order[0]] = double.PositiveInfinity;
        distance[order[^1]] = double.PositiveInfinity;
        var range = max - min;
        if (!(range > 0) || !double.IsFinite(range))
        {
            return;
        }

        for (var k = 1; k < order.Length - 1; k++)
        {
            distance[order[k]] += (value(order[k + 1]) - value(order[k - 1])) / range;
        }
    }
}
