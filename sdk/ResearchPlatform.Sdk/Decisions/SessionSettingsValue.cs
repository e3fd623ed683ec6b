using System.Globalization;

namespace ResearchPlatform.Sdk.Decisions;

/// <summary>Trading-session settings: which sessions to trade, a size scale and the minimum signal strength.</summary>
/// <param name="Sessions">Sessions to trade (e.g. "asia", "europe", "us").</param>
/// <param name="PositionScale">Size multiplier during those sessions.</param>
/// <param name="MinSignalStrength">Signals weaker than this are skipped (0..1).</param>
public sealed record SessionSettingsValue(IReadOnlyList<string> Sessions, double PositionScale, double MinSignalStrength) : DecisionValue
{
    /// <inheritdoc />
    public override string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"sessions [{string.Join(", ", Sessions)}] scale x{PositionScale:0.###} min signal {MinSignalStrength:0.###}");
}
