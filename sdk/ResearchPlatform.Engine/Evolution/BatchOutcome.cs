using ResearchPlatform.Engine.Evolution.Distribution;
using ResearchPlatform.Engine.Evolution.Fitness;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>What evaluating one generation's new members cost and produced.</summary>
/// <param name="Members">One entry per candidate, in candidate order.</param>
/// <param name="NewlyEvaluated">Entries evaluated now (not from the cache), in evaluation order.</param>
/// <param name="Evaluations">Individuals sent to the evaluator.</param>
/// <param name="CacheHits">Candidates answered by the cache or by an earlier candidate of the same batch.</param>
/// <param name="Failures">Failed evaluations.</param>
/// <param name="Timeouts">Timed-out evaluations.</param>
/// <param name="Seconds">Wall-clock seconds inside the evaluator.</param>
/// <param name="Distribution">How a distributed evaluator spread the work (null for a local evaluator).</param>
internal sealed record BatchOutcome(
    IReadOnlyList<EvaluatedIndividual> Members,
    IReadOnlyList<EvaluatedIndividual> NewlyEvaluated,
    int Evaluations,
    int CacheHits,
    int Failures,
    int Timeouts,
    double Seconds,
    EvaluationDistribution? Distribution = null);
