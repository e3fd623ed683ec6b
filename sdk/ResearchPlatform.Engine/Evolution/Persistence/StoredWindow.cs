using ResearchPlatform.Engine.Evolution.Fitness;

namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>One window result as stored in <c>individuals.windows</c> (and <c>hall_of_fame.holdout_windows</c>).</summary>
internal sealed record StoredWindow(
    int Fold,
    WindowRole Role,
    int Start,
    int End,
    double Sharpe,
    double TotalReturn,
    double MaxDrawdown,
    int Trades,
    int Bars,
    double Skewness,
    double Kurtosis)
{
    /// <summary>The stored form of window <paramref name="w"/>'s metrics.</summary>
    public static StoredWindow From(EvaluationWindow w, WindowMetrics m) =>
        new(w.Fold, w.Role, w.Bars.Start, w.Bars.End, m.Sharpe, m.TotalReturn, m.MaxDrawdown, m.Trades, m.Bars, m.Skewness, m.Kurtosis);

    /// <summary>The metrics.</summary>
    public WindowMetrics ToMetrics() => new(Sharpe, TotalReturn, MaxDrawdown, Trades, Bars, Skewness, Kurtosis);

    /// <summary>The stored windows of an evaluation under a plan (empty unless it succeeded).</summary>
    public static List<StoredWindow> ListOf(EvaluationPlan plan, IndividualEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(evaluation);
        var list = new List<StoredWindow>(evaluation.Windows.Count);
        for (var i = 0; i < evaluation.Windows.Count && i < plan.Windows.Count; i++)
        {
            list.Add(From(plan.Windows[i], evaluation.Windows[i]));
        }

        return list;
    }
}
