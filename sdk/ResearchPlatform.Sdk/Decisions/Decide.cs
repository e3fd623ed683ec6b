namespace ResearchPlatform.Sdk.Decisions;

/// <summary>
/// Builders rules use to return a decision, e.g.
/// <c>return Decide.PoolSize(12, 0.95, "capital 12k", Urgency.Low, ("capital", Context.Capital));</c>.
/// Confidence must be within 0..1 (otherwise the rule fails and a fallback decision is taken).
/// </summary>
public static class Decide
{
    /// <summary>Strategy pool size.</summary>
    public static DecisionResult PoolSize(int size, double confidence, string reasoning, Urgency urgency, params (string Name, double Value)[] inputs) =>
        Make(DecisionType.StrategyPoolSizing, new PoolSizeValue(Math.Max(0, size)), confidence, reasoning, urgency, inputs);

    /// <summary>Strategies to retire.</summary>
    public static DecisionResult Retire(IEnumerable<string> strategyIds, double confidence, string reasoning, Urgency urgency, params (string Name, double Value)[] inputs) =>
        Make(DecisionType.StrategyRetirement, new RetirementValue([.. strategyIds]), confidence, reasoning, urgency, inputs);

    /// <summary>Candidates approved and rejected.</summary>
    public static DecisionResult Approve(IEnumerable<string> approved, IEnumerable<string> rejected, double confidence, string reasoning, Urgency urgency, params (string Name, double Value)[] inputs) =>
        Make(DecisionType.NewStrategyApproval, new ApprovalValue([.. approved], [.. rejected]), confidence, reasoning, urgency, inputs);

    /// <summary>Emergency shutdown yes/no.</summary>
    public static DecisionResult Shutdown(bool shutdown, double confidence, string reasoning, Urgency urgency, params (string Name, double Value)[] inputs) =>
        Make(DecisionType.EmergencyShutdown, new ShutdownValue(shutdown), confidence, reasoning, urgency, inputs);

    /// <summary>Position-size multiplier.</summary>
    public static DecisionResult RiskMultiplier(double multiplier, double confidence, string reasoning, Urgency urgency, params (string Name, double Value)[] inputs) =>
        Make(DecisionType.RiskAdjustment, new RiskAdjustmentValue(multiplier), confidence, reasoning, urgency, inputs);

    /// <summary>Trading-session settings.</summary>
    public static DecisionResult Sessions(IEnumerable<string> sessions, double positionScale, double minSignalStrength, double confidence, string reasoning, Urgency urgency, params (string Name, double Value)[] inputs) =>
        Make(DecisionType.TradingSessionOptimization, new SessionSettingsValue([.. sessions], positionScale, minSignalStrength), confidence, reasoning, urgency, inputs);

    private static DecisionResult Make(DecisionType type, DecisionValue value, double confidence, string reasoning, Urgency urgency, (string Name, double Value)[] inputs)
    {
        if (double.IsNaN(confidence) || confidence is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be within 0..1");
        }

        var map = new Dictionary<string, double>(inputs.Length, StringComparer.Ordinal);
        foreach (var (name, v) in inputs)
        {
            map[name] = v;
        }

        return new DecisionResult(type, value, confidence, reasoning ?? string.Empty, urgency) { Inputs = map };
    }
}
