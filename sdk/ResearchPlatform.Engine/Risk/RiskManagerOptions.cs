namespace ResearchPlatform.Engine.Risk;

/// <summary>Non-evolvable settings of the risk manager.</summary>
/// <param name="ReturnWindow">Bars of equity and asset returns kept for volatility, Sharpe and correlation.</param>
/// <param name="MinCorrelationSamples">Returns needed before volatility, Sharpe and correlation are reported.</param>
/// <param name="PeriodsPerYear">Bars per year, to annualise (365 for daily bars, 8760 for hourly).</param>
internal sealed record RiskManagerOptions(int ReturnWindow = 30, int MinCorrelationSamples = 5, double PeriodsPerYear = 365)
{
    public static RiskManagerOptions Default { get; } = new();
}
