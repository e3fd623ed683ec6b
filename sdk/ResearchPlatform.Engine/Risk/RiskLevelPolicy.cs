using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Risk;

/// <summary>The defined effects of each risk level and how a level follows from the active breakers.</summary>
internal static class RiskLevelPolicy
{
    /// <summary>Active breakers at which the level is raised one step above the most severe breaker.</summary>
    public const int EscalationCount = 3;

    private static readonly RiskAction[][] ActionsByLevel =
    [
        [],
        [RiskAction.ScaleDownSizes],
        [RiskAction.ScaleDownSizes, RiskAction.RequireApproval],
        [RiskAction.ReduceOnly],
        [RiskAction.ReduceOnly, RiskAction.CancelOpenOrders, RiskAction.FlattenPositions],
    ];

    /// <summary>Size multiplier for new exposure: LOW 1, MODERATE 0.5, HIGH 0.25, CRITICAL and EMERGENCY 0.</summary>
    public static double SizeMultiplier(RiskLevel level) => level switch
    {
        RiskLevel.Low => 1.0,
        RiskLevel.Moderate => 0.5,
        RiskLevel.High => 0.25,
        _ => 0.0,
    };

    /// <summary>The actions a level requires.</summary>
    public static IReadOnlyList<RiskAction> Actions(RiskLevel level) => ActionsByLevel[(int)level];

    /// <summary>
    /// The level for a set of active breaker severities: the most severe one, raised one step when
    /// <see cref="EscalationCount"/> or more breakers are active at once (capped at EMERGENCY); LOW when none.
    /// </summary>
    public static RiskLevel Derive(IEnumerable<RiskLevel> activeSeverities)
    {
        var max = RiskLevel.Low;
        var count = 0;
        foreach (var s in activeSeverities)
        {
            count++;
            if (s > max)
            {
                max = s;
            }
        }

        if (count >= EscalationCount && max < RiskLevel.Emergency)
        {
            max++;
        }

        return max;
    }
}
