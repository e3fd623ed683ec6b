namespace ResearchPlatform.Engine.Evolution.MultiObjective;

/// <summary>Two maximised objectives and a constraint violation (0 = feasible).</summary>
/// <param name="Objective1">First objective, higher is better.</param>
/// <param name="Objective2">Second objective, higher is better.</param>
/// <param name="Violation">Constraint violation, 0 when feasible.</param>
internal readonly record struct ObjectivePoint(double Objective1, double Objective2, double Violation = 0)
{
    /// <summary>
    /// Constrained domination (Deb 2002): a feasible point dominates an infeasible one; of two infeasible points the
    /// smaller violation dominates; of two feasible points, the one at least as good in both objectives and better in one.
    /// </summary>
    public bool Dominates(ObjectivePoint other)
    {
        var feasible = Violation <= 0;
        var otherFeasible = other.Violation <= 0;
        if (feasible != otherFeasible)
        {
            return feasible;
        }

        if (!feasible)
        {
            return Violation < other.Violation;
        }

        return Objective1 >= other.Objective1 && Objective2 >= other.Objective2
            && (Objective1 > other.Objective1 || Objective2 > other.Objective2);
    }
}
