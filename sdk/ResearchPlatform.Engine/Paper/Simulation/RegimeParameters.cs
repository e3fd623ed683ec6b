namespace ResearchPlatform.Engine.Paper.Simulation;

/// <summary>
/// One regime of the synthetic market: GBM drift and volatility (annualised, of log prices), Poisson jump intensity
/// (jumps per year) and the jump size distribution (log jump ~ Normal(<paramref name="JumpMean"/>, <paramref name="JumpStdDev"/>)).
/// </summary>
internal sealed record RegimeParameters(double Drift, double Volatility, double JumpsPerYear, double JumpMean, double JumpStdDev)
{
    /// <summary>Annualised volatility of log returns including jumps: sqrt(sigma^2 + lambda (mu_J^2 + sigma_J^2)).</summary>
    public double TotalVolatility => Math.Sqrt((Volatility * Volatility) + (JumpsPerYear * ((JumpMean * JumpMean) + (JumpStdDev * JumpStdDev))));
}
