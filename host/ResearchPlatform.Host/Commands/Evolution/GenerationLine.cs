using System.Globalization;
using ResearchPlatform.Engine.Evolution;

namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>One-line text of a generation's figures, for plain progress output and the live display.</summary>
internal static class GenerationLine
{
    /// <summary>e.g. <c>gen 3/30  best 1.234  mean 0.512  div 0.41 (190 unique)  evals 160  hits 40  fail 0  0.42 s  12.3 M steps/s</c>.</summary>
    public static string Format(GenerationStats s, int generations) => string.Create(
        CultureInfo.InvariantCulture,
        $"gen {s.Generation + 1}/{generations}  best {s.BestFitness:F3}  mean {s.MeanFitness:F3}  div {s.Diversity.MeanGeneDistance:F2} ({s.Diversity.UniqueIndividuals} unique)  evals {s.Evaluations}  hits {s.CacheHits}  fail {s.Failures + s.Timeouts}{(s.Immigrants > 0 ? $"  immigrants {s.Immigrants}" : string.Empty)}  {s.GenerationSeconds:F2} s  {Steps(s.StepsPerSecond)} steps/s{Cluster(s)}");

    /// <summary>The cluster part of a generation line (empty for local evaluation).</summary>
    public static string Cluster(GenerationStats s) => s.Distribution is not { } d
        ? string.Empty
        : string.Create(
            CultureInfo.InvariantCulture,
            $"  cluster {d.Workers.Count(w => w.Worker != "local")} silos [{string.Join(", ", d.Workers.Select(w => $"{w.Worker} {w.Evaluations} {w.EvaluationsPerSecond:0}/s {w.BusyPercent:0}%"))}] failed {d.FailedEvaluations} timeouts {d.Timeouts} resubmitted {d.Resubmitted} local {d.LocalFallback}");

    /// <summary>The short form for the live progress bar: <c>gen 3/30 best 1.234 mean 0.512 div 0.41 12.3 M steps/s</c>.</summary>
    public static string Compact(GenerationStats s, int generations) => string.Create(
        CultureInfo.InvariantCulture,
        $"gen {s.Generation + 1}/{generations} best {s.BestFitness:F3} mean {s.MeanFitness:F3} div {s.Diversity.MeanGeneDistance:F2} {Steps(s.StepsPerSecond)} steps/s");

    /// <summary>Steps per second with an M/k suffix.</summary>
    public static string Steps(double perSecond) => perSecond switch
    {
        >= 1e6 => (perSecond / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " M",
        >= 1e3 => (perSecond / 1e3).ToString("F1", CultureInfo.InvariantCulture) + " k",
        _ => perSecond.ToString("F0", CultureInfo.InvariantCulture),
    };
}
