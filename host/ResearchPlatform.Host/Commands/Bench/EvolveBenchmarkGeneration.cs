namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>One timed generation of the evolution benchmark.</summary>
internal sealed record EvolveBenchmarkGeneration(int Generation, int Evaluations, int CacheHits, double Seconds, double EvalSeconds, double BookkeepingSeconds, double StepsPerSecond);
