using ResearchPlatform.Engine.Evolution.Distribution;
using ResearchPlatform.Engine.Evolution.Statistics;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>Figures of one completed generation. Fitness figures are over members with a valid fitness.</summary>
/// <param name="Generation">Generation number, 0 = initial population.</param>
/// <param name="BestFitness">Best composite fitness.</param>
/// <param name="MeanFitness">Mean composite fitness.</param>
/// <param name="MedianFitness">Median composite fitness.</param>
/// <param name="StdFitness">Population standard deviation of the composite fitness.</param>
/// <param name="BestObjective1">Best first objective (NSGA-II figures; also filled in composite mode).</param>
/// <param name="BestObjective2">Best second objective.</param>
/// <param name="ParetoFrontSize">Members on the first front (NSGA-II mode; 0 in composite mode).</param>
/// <param name="BestIndividual">Key of the best member.</param>
/// <param name="Diversity">Spread of the population.</param>
/// <param name="Evaluations">Individuals sent to the evaluator.</param>
/// <param name="CacheHits">New members whose result came from the cache (including repeats within the generation).</param>
/// <param name="Failures">Evaluations that failed.</param>
/// <param name="Timeouts">Evaluations that timed out.</param>
/// <param name="Immigrants">Random immigrants injected after a diversity collapse.</param>
/// <param name="EvalSeconds">Wall-clock seconds spent in the evaluator.</param>
/// <param name="GenerationSeconds">Wall-clock seconds for the whole generation.</param>
/// <param name="StepsPerSecond">Bar-steps backtested per second of evaluation (individuals x bars / seconds).</param>
/// <param name="Distribution">Cluster figures (batches, failed evaluations, timeouts, resubmitted, per-silo load) when a distributed evaluator ran the generation.</param>
internal sealed record GenerationStats(
    int Generation,
    double BestFitness,
    double MeanFitness,
    double MedianFitness,
    double StdFitness,
    double BestObjective1,
    double BestObjective2,
    int ParetoFrontSize,
    string BestIndividual,
    DiversitySnapshot Diversity,
    int Evaluations,
    int CacheHits,
    int Failures,
    int Timeouts,
    int Immigrants,
    double EvalSeconds,
    double GenerationSeconds,
    double StepsPerSecond,
    EvaluationDistribution? Distribution = null)
{
    /// <summary>Seconds of GA bookkeeping (selection, operators, cache, statistics): generation minus evaluation time.</summary>
    public double BookkeepingSeconds => Math.Max(0, GenerationSeconds - EvalSeconds);
}
