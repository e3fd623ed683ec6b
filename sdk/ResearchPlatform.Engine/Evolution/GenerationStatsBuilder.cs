using System.Runtime.CompilerServices;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.Statistics;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>Computes <see cref="GenerationStats"/> from a completed generation.</summary>
internal static class GenerationStatsBuilder
{
    /// <summary>The statistics of <paramref name="population"/>, evaluated as <paramref name="batch"/> describes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static GenerationStats Build(
        int generation,
        IReadOnlyList<EvaluatedIndividual> population,
        BatchOutcome batch,
        IReadOnlyList<SeedTypeGenome> genomes,
        int paretoFrontSize,
        int immigrants,
        long barsPerIndividual,
        double generationSeconds)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(batch);
        var valid = new double[population.Count];
        var count = 0;
        int bestIndex = 0;
        double best1 = double.NegativeInfinity, best2 = double.NegativeInfinity;
        var individuals = new Individual[population.Count];
        for (var i = 0; i < population.Count; i++)
        {
            var score = population[i].Score;
            individuals[i] = population[i].Individual;
            if (score.IsValid)
            {
                valid[count++] = score.Fitness;
            }

            if (score.Fitness > population[bestIndex].Score.Fitness)
            {
                bestIndex = i;
            }

            best1 = Math.Max(best1, score.Objective1);
            best2 = Math.Max(best2, score.Objective2);
        }

        double mean = double.NaN, median = double.NaN, std = double.NaN, best = double.NegativeInfinity;
        if (count > 0)
        {
            var sorted = valid.AsSpan(0, count);
            sorted.Sort();
            best = sorted[^1];
            var sum = 0.0;
            foreach (var v in sorted)
            {
                sum += v;
            }

            mean = sum / count;
            median = count % 2 == 1 ? sorted[count / 2] : (sorted[(count / 2) - 1] + sorted[count / 2]) / 2;
            var squares = 0.0;
            foreach (var v in sorted)
            {
                squares += (v - mean) * (v - mean);
            }

            std = Math.Sqrt(squares / count);
        }

        var steps = batch.Seconds > 0 ? batch.Evaluations * (double)barsPerIndividual / batch.Seconds : 0;
        return new GenerationStats(
            generation,
            best,
            mean,
            median,
            std,
            best1,
            best2,
            paretoFrontSize,
            population[bestIndex].Individual.Key,
            Diversity.Measure(individuals, genomes),
            batch.Evaluations,
            batch.CacheHits,
            batch.Failures,
            batch.Timeouts,
            immigrants,
            batch.Seconds,
            generationSeconds,
            steps,
            batch.Distribution);
    }
}
