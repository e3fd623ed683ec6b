namespace ResearchPlatform.Engine.Paper;

/// <summary>
/// How a resumed strategy caught up: the stored journal entries its deterministic re-run reproduced (each verified,
/// none written again), the bar at which the last of them was reached (-1 = before the first bar), and journal vs the
/// rebuilt venue at that point.
/// </summary>
internal sealed record PaperResumeCheck(int StoredEntries, int CaughtUpAtBar, PaperReconciliation Check);
