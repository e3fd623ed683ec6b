using System.Globalization;

namespace ResearchPlatform.Sdk.Decisions;

/// <summary>A multiplier applied to position sizes (1 = unchanged, 0.5 = halve).</summary>
/// <param name="PositionSizeMultiplier">The multiplier, 0 or more.</param>
public sealed record RiskAdjustmentValue(double PositionSizeMultiplier) : DecisionValue
{
    /// <inheritdoc />
    public override string Summary() => "position size x" + PositionSizeMultiplier.ToString("0.###", CultureInfo.InvariantCulture);
}
