namespace ResearchPlatform.Engine.Deployment;

/// <summary>Capital given to one live strategy.</summary>
/// <param name="StrategyId">The strategy.</param>
/// <param name="RampStep">Its ramp step.</param>
/// <param name="RampFraction">The fraction of its full allocation the ramp step allows.</param>
/// <param name="Capital">Capital in quote currency.</param>
/// <param name="Fraction">Capital as a fraction of the account.</param>
public sealed record StrategyAllocation(string StrategyId, int RampStep, double RampFraction, double Capital, double Fraction);
