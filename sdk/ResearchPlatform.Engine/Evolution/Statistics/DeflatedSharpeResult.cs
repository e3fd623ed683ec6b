namespace ResearchPlatform.Engine.Evolution.Statistics;

/// <summary>The deflated Sharpe ratio of a selected strategy and the numbers behind it (Sharpe figures per bar unless named annualised).</summary>
/// <param name="Sharpe">Observed Sharpe ratio per bar of the selected strategy.</param>
/// <param name="SharpeAnnualized">The same, annualised.</param>
/// <param name="Observations">Number of returns (bars) behind it.</param>
/// <param name="Skewness">Skewness of its returns.</param>
/// <param name="Kurtosis">Kurtosis (not excess) of its returns.</param>
/// <param name="Trials">Number of independent trials assumed (distinct individuals evaluated).</param>
/// <param name="TrialSharpeVariance">Variance of the per-bar Sharpe ratios across trials.</param>
/// <param name="ExpectedMaxSharpe">Expected maximum per-bar Sharpe of <paramref name="Trials"/> skill-less trials.</param>
/// <param name="ExpectedMaxSharpeAnnualized">The same, annualised.</param>
/// <param name="ProbabilisticSharpe">PSR against a zero benchmark: P(true Sharpe &gt; 0).</param>
/// <param name="Deflated">DSR: P(true Sharpe &gt; expected max of the trials), in [0, 1].</param>
internal sealed record DeflatedSharpeResult(
    double Sharpe,
    double SharpeAnnualized,
    long Observations,
    double Skewness,
    double Kurtosis,
    long Trials,
    double TrialSharpeVariance,
    double ExpectedMaxSharpe,
    double ExpectedMaxSharpeAnnualized,
    double ProbabilisticSharpe,
    double Deflated);
