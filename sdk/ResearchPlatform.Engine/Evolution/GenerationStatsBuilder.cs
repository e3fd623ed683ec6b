using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.Statistics;

namespace ResearchPlatform.Engine.Evolution;

/// <summary>Computes <see cref="GenerationStats"/> from a completed generation.</summary>
internal static class GenerationStatsBuilder
{
    /// <summary>The statistics of <paramref name="population"/>, evaluated as <paramref name="batch"/> describes.</summary>
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
        var valid = population.Where(p => p.Score.IsValid).Select(p => p.Score.Fitness).ToArray();
        Array.Sort(valid);
        double mean = double.NaN, median = double.NaN, std = double.NaN, best = double.NegativeInfinity;
        if (valid.Length > 0)
        {
            best = valid[^1];
            mean = valid.Average();
            median = valid.Length % 2 == 1 ? valid[valid.Length / 2] : (valid[(valid.Length / 2) - 1] + valid[valid.Length / 2]) / 2;
            std = Math.Sqrt(valid.Sum(v => (v - mean) * (v - mean)) / valid.Length);
        }

        var bestIndex = 0;
        for (var i = 1; i < population.Count; i++)
        {
            if (population[i].Score.Fitness > population[bestIndex].Score.Fitness)
            {
                bestIndex = i;
            }
        }

        var steps = batch.Seconds > 0 ? batch.Evaluations * (double)barsPerIndividual / batch.Seconds : 0;
        return new GenerationStats(
            generation,
            best,
            mean,
            median,
            std,
            population.Max(p => p.Score.Objective1),
            population.Max(p => p.Score.Objective2),
            paretoFrontSize,
            population[bestIndex].Individual.Key,
            Diversity.Measure(population.Select(p => p.Individual).ToList(), genomes),
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
