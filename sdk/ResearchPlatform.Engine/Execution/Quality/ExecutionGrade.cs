namespace ResearchPlatform.Engine.Execution.Quality;

/// <summary>Execution quality classes; thresholds in <see cref="ExecutionQualityThresholds"/>.</summary>
internal enum ExecutionGrade
{
    Excellent,
    Good,
    Fair,
    Poor,
    Failed,
}
