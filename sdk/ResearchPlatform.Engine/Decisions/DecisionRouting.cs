namespace ResearchPlatform.Engine.Decisions;

/// <summary>What happens to a decision after the rule answered, by confidence.</summary>
public enum DecisionRouting
{
    /// <summary>Confidence above the auto threshold: executed automatically.</summary>
    AutoExecuted,

    /// <summary>Between the thresholds: executed and flagged for review.</summary>
    ExecutedFlagged,

    /// <summary>Below the review threshold (or a fallback): not executed, queued for a human verdict.</summary>
    QueuedForHuman,
}
