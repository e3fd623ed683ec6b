using System.Globalization;
using System.Text;
using ResearchPlatform.Engine.Evolution;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>Text forms of runs that exclude wall-clock figures, for exact equality checks.</summary>
internal static class Fingerprint
{
    public static string Of(GenerationStats s) => string.Create(
        CultureInfo.InvariantCulture,
        $"g{s.Generation} best={s.BestFitness:R} mean={s.MeanFitness:R} med={s.MedianFitness:R} std={s.StdFitness:R} o1={s.BestObjective1:R} o2={s.BestObjective2:R} front={s.ParetoFrontSize} bestInd={s.BestIndividual} div={s.Diversity.MeanGeneDistance:R} uniq={s.Diversity.UniqueIndividuals} evals={s.Evaluations} hits={s.CacheHits} fail={s.Failures} to={s.Timeouts} imm={s.Immigrants}");

    public static string Of(GenerationSnapshot s) =>
        Of(s.Stats) + "\n" + string.Join("\n", s.Population.Select(p => p.Individual.Key + " " + p.Score.Fitness.ToString("R", CultureInfo.InvariantCulture)));

    public static string Of(EvolutionResult r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"seed={r.Seed} term={r.Termination} distinct={r.DistinctEvaluations}\n");
        foreach (var g in r.Generations)
        {
            sb.Append(Of(g)).Append('\n');
        }

        foreach (var p in r.FinalPopulation)
        {
            sb.Append(p.Individual.Key).Append('\n');
        }

        foreach (var h in r.HallOfFame.Concat(r.ParetoFront))
        {
            sb.Append(CultureInfo.InvariantCulture, $"#{h.Rank} {h.Entry.Individual.Key} f={h.Entry.Score.Fitness:R} oos={h.Entry.Score.OutOfSample.Sharpe:R} hold={h.Holdout.Sharpe:R}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"dsr={r.DeflatedSharpe?.Deflated:R}");
        return sb.ToString();
    }
}
