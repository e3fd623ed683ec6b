namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>The result of evaluating one individual under one <see cref="EvaluationPlan"/>.</summary>
/// <param name="Status">Ok, failed or timed out.</param>
/// <param name="Windows">Metrics aligned with <see cref="EvaluationPlan.Windows"/> (empty unless Ok).</param>
/// <param name="Error">Why it failed, when it did.</param>
internal sealed record IndividualEvaluation(EvaluationStatus Status, IReadOnlyList<WindowMetrics> Windows, string? Error = null)
{
    /// <summary>A successful evaluation.</summary>
    public static IndividualEvaluation Ok(IReadOnlyList<WindowMetrics> windows) => new(EvaluationStatus.Ok, windows);

    /// <summary>A failed evaluation with its reason.</summary>
    public static IndividualEvaluation Failed(string error) => new(EvaluationStatus.Failed, [], error);

    /// <summary>A timed-out evaluation.</summary>
    public static IndividualEvaluation TimedOut(string error) => new(EvaluationStatus.TimedOut, [], error);
}
