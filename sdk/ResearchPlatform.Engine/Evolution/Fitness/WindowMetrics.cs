namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>Backtest metrics of one individual on one window (costs included).</summary>
/// <param name="Sharpe">Annualised Sharpe ratio of per-bar returns (0 when returns have no variance).</param>
/// <param name="TotalReturn">Compounded return over the window, e.g. 0.12 for +12 %.</param>
/// <param name="MaxDrawdown">Largest peak-to-trough equity loss as a positive fraction, e.g. 0.25.</param>
/// <param name="Trades">Number of round trips (or position changes, as the evaluator defines it).</param>
/// <param name="Bars">Bars scored in the window.</param>
/// <param name="Skewness">Skewness of per-bar returns (0 when unknown).</param>
/// <param name="Kurtosis">Kurtosis (not excess) of per-bar returns (3 when unknown).</param>
internal sealed record WindowMetrics(
    double Sharpe,
    double TotalReturn,
    double MaxDrawdown,
    int Trades,
    int Bars,
    double Skewness = 0.0,
    double Kurtosis = 3.0)
{
    /// <summary>Whether every field is a finite number.</summary>
    public bool IsFinite =>
        double.IsFinite(Sharpe) && double.IsFinite(TotalReturn) && double.IsFinite(MaxDrawdown)
        && double.IsFinite(Skewness) && double.IsFinite(Kurtosis);
}
