namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>One timed generation of the evolution benchmark (GC figures: pauses and collections of any generation since the previous one).</summary>
internal sealed record EvolveBenchmarkGeneration(
    int Generation, int Evaluations, int CacheHits, double Seconds, double EvalSeconds, double BookkeepingSeconds, double StepsPerSecond, double GcPauseSeconds, int GcCollections);
