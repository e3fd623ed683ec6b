namespace ResearchPlatform.Engine.Risk.Sizing;

/// <summary>A sized position: the fraction of equity, its notional and quantity, and every step that led there.</summary>
/// <param name="Fraction">Final position notional / equity (>= 0).</param>
/// <param name="Notional">Fraction x equity.</param>
/// <param name="Quantity">Notional / price (unsigned; the signal supplies the side).</param>
/// <param name="Steps">Base, adjustments and clamps, in order.</param>
internal sealed record SizingResult(double Fraction, double Notional, double Quantity, IReadOnlyList<SizingStep> Steps);
