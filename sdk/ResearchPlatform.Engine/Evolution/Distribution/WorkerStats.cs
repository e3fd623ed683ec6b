namespace ResearchPlatform.Engine.Evolution.Distribution;

/// <summary>What one worker (a cluster silo, or the local process) did for one evaluation call.</summary>
/// <param name="Worker">Worker name, e.g. the silo address "127.0.0.1:11111@123456" or "local".</param>
/// <param name="Cores">Evaluation slots (cores) the worker offered.</param>
/// <param name="Evaluations">Individuals it evaluated.</param>
/// <param name="BusySeconds">Seconds its evaluation threads spent evaluating (summed over threads).</param>
/// <param name="EvaluationsPerSecond">Evaluations per wall-clock second of the call.</param>
/// <param name="BusyPercent">Busy seconds over (wall-clock seconds x cores), in percent.</param>
internal sealed record WorkerStats(string Worker, int Cores, int Evaluations, double BusySeconds, double EvaluationsPerSecond, double BusyPercent);
