using System.Globalization;
using ResearchPlatform.Engine.Deployment;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Commands.Strategies;

/// <summary>
/// The DECISION alert of a strategy transition applied from a decision (<c>rp strategies apply</c>): WARNING when a
/// strategy goes live or is retired, INFORMATIONAL otherwise; key <c>strategy:ID:TO</c>, decision id in the context.
/// </summary>
internal static class StrategyAlerts
{
    public static Alert Transition(StrategyTransition t, string decisionId)
    {
        ArgumentNullException.ThrowIfNull(t);
        var from = DeploymentStore.Name(t.From);
        var to = DeploymentStore.Name(t.To);
        return new Alert(
            t.To is DeploymentStage.Live or DeploymentStage.Retired ? AlertLevel.Warning : AlertLevel.Informational,
            AlertCategory.Decision,
            $"strategy:{t.StrategyId}:{to}",
            $"Strategy {t.StrategyId}: {from} -> {to}",
            t.Reason,
            "deployment",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["strategy_id"] = t.StrategyId,
                ["from"] = from,
                ["to"] = to,
                ["ramp_step"] = t.RampStep.ToString(CultureInfo.InvariantCulture),
                ["decision_id"] = decisionId,
            },
            t.At);
    }
}
