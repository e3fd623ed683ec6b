namespace ResearchPlatform.Engine.Evolution.WalkForward;

/// <summary>The folds and the final hold-out of one series of <see cref="BarCount"/> bars.</summary>
/// <param name="BarCount">Bars in the series.</param>
/// <param name="Options">The options the plan was made from.</param>
/// <param name="Folds">Train/test folds in time order.</param>
/// <param name="Holdout">The final hold-out window (length 0 when the hold-out fraction is 0).</param>
internal sealed record WalkForwardPlan(int BarCount, WalkForwardOptions Options, IReadOnlyList<WalkForwardFold> Folds, BarWindow Holdout)
{
    /// <summary>Training windows in fold order: the only bars selection may see.</summary>
    public IEnumerable<BarWindow> TrainWindows => Folds.Select(f => f.Train);

    /// <summary>A compact text form, e.g. <c>rolling k=4 train[0,100)... holdout[800,1000)</c>, used in cache keys.</summary>
    public string Signature =>
        string.Join(' ', Folds.Select(f => $"{f.Train}{f.Test}")) + $" h{Holdout}";
}
