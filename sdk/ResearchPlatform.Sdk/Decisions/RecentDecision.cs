namespace ResearchPlatform.Sdk.Decisions;

/// <summary>A decision taken earlier, as a rule sees it.</summary>
/// <param name="Type">Decision type.</param>
/// <param name="Summary">One-line summary of its value.</param>
/// <param name="Confidence">Its confidence.</param>
/// <param name="At">When it was taken.</param>
public sealed record RecentDecision(DecisionType Type, string Summary, double Confidence, DateTimeOffset At);
