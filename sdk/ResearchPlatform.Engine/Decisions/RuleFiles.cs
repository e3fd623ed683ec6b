using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>The rule file name of each decision type (<c>strategy_pool_sizing.csx</c>, ...) and the reverse lookup.</summary>
public static class RuleFiles
{
    /// <summary>The thresholds file inside a rules folder.</summary>
    public const string ThresholdsFileName = "thresholds.json";

    /// <summary>snake_case name of a type, e.g. <c>strategy_pool_sizing</c>.</summary>
    public static string SnakeName(DecisionType type) => type switch
    {
        DecisionType.StrategyPoolSizing => "strategy_pool_sizing",
        DecisionType.StrategyRetirement => "strategy_retirement",
        DecisionType.NewStrategyApproval => "new_strategy_approval",
        DecisionType.EmergencyShutdown => "emergency_shutdown",
        DecisionType.RiskAdjustment => "risk_adjustment",
        DecisionType.TradingSessionOptimization => "trading_session_optimization",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown decision type"),
    };

    /// <summary>The rule file name of a type.</summary>
    public static string FileName(DecisionType type) => SnakeName(type) + ".csx";

    /// <summary>Parses <c>strategy_pool_sizing</c>, <c>STRATEGY_POOL_SIZING</c> or <c>StrategyPoolSizing</c>.</summary>
    public static bool TryParse(string text, out DecisionType type)
    {
        var key = text.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse(key, ignoreCase: true, out type) && Enum.IsDefined(type);
    }

    /// <summary>The type whose rule file is <paramref name="fileName"/>, if any.</summary>
    public static DecisionType? FromFileName(string fileName)
    {
        foreach (var t in Enum.GetValues<DecisionType>())
        {
            if (string.Equals(FileName(t), Path.GetFileName(fileName), StringComparison.OrdinalIgnoreCase))
            {
                return t;
            }
        }

        return null;
    }
}
