using System.Globalization;
using ResearchPlatform.Engine.Risk.Breakers;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Risk.Events;

/// <summary>
/// The alerts of the risk manager: one per breaker trip (key <c>breaker:NAME:SCOPE</c>, so repeats collapse) and one per
/// level change (key <c>risk_level:SCOPE:LEVEL</c>: a change to another level is a new alert, so a CRITICAL after a
/// WARNING is not folded into it and escalates on its own; flapping back to one level collapses), category Trading, component <c>risk_manager</c>, with the values and
/// thresholds in the context.
/// </summary>
internal static class RiskAlerts
{
    /// <summary>The component name alerts carry.</summary>
    public const string Component = "risk_manager";

    /// <summary>The alert of a breaker trip.</summary>
    public static Alert Trip(BreakerEvent e, RiskLevel level, string scope)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new Alert(
            AlertLevel.Warning,
            AlertCategory.Trading,
            $"breaker:{e.Name}:{scope}",
            F($"{scope}: breaker {e.Name} tripped at {e.Value:0.####} (trigger {e.Threshold:0.####})"),
            F($"The {e.Name} breaker tripped at {e.At:yyyy-MM-dd HH:mm:ss}Z; risk level {level.ToString().ToUpperInvariant()}."),
            Component,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["scope"] = scope,
                ["breaker"] = e.Name,
                ["value"] = F($"{e.Value:R}"),
                ["threshold"] = F($"{e.Threshold:R}"),
                ["level"] = RiskEventStore.LevelName(level),
            },
            e.At);
    }

    /// <summary>The alert of a level change, its severity following the new level.</summary>
    public static Alert LevelChange(RiskLevelChanged c, string scope)
    {
        ArgumentNullException.ThrowIfNull(c);
        var active = string.Join(", ", c.ActiveBreakers.Select(a => F($"{a.Name}={a.Value:0.####} (trigger {a.Trigger:0.####})")));
        return new Alert(
            Severity(c.To),
            AlertCategory.Trading,
            $"risk_level:{scope}:{RiskEventStore.LevelName(c.To)}",
            $"{scope}: risk level {RiskEventStore.LevelName(c.From)} -> {RiskEventStore.LevelName(c.To)}",
            $"Active breakers: {(active.Length == 0 ? "none" : active)}. Actions: {(c.Actions.Count == 0 ? "none" : string.Join(", ", c.Actions))}.",
            Component,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["scope"] = scope,
                ["from"] = RiskEventStore.LevelName(c.From),
                ["to"] = RiskEventStore.LevelName(c.To),
                ["breakers"] = string.Join(",", c.ActiveBreakers.Select(a => a.Name)),
                ["trigger"] = string.Join(",", c.Trigger.Select(t => t.Name + (t.Tripped ? ":tripped" : ":reset"))),
            },
            c.At);
    }

    /// <summary>Alert severity of a risk level.</summary>
    public static AlertLevel Severity(RiskLevel level) => level switch
    {
        RiskLevel.Emergency => AlertLevel.Emergency,
        RiskLevel.Critical => AlertLevel.Critical,
        RiskLevel.High or RiskLevel.Moderate => AlertLevel.Warning,
        _ => AlertLevel.Informational,
    };

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
