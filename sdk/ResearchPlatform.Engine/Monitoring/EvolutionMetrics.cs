namespace ResearchPlatform.Engine.Monitoring;

/// <summary>The latest generation of an evolution run, pushed by the evolution engine (or read from the runs store).</summary>
public sealed record EvolutionMetrics(string RunId, int Generation, double BestFitness, double MeanFitness, double Diversity, int FailedEvaluations);
