namespace ResearchPlatform.Engine.Risk.Sizing;

/// <summary>One step of the sizing pipeline.</summary>
/// <param name="Name">Step name, e.g. "correlation_penalty".</param>
/// <param name="Parameter">The multiplier applied, or the cap/base value for base and clamp steps.</param>
/// <param name="Fraction">Position fraction of equity after the step.</param>
internal sealed record SizingStep(string Name, double Parameter, double Fraction);
