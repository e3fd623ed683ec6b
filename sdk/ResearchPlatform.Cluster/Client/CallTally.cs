using ResearchPlatform.Cluster.Contracts;
using ResearchPlatform.Engine.Evolution.Distribution;

namespace ResearchPlatform.Cluster.Client;

/// <summary>Thread-safe counters of one evaluator call (batches run concurrently).</summary>
internal sealed class CallTally
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Cores, int Evaluations, double Busy)> _workers = new(StringComparer.Ordinal);
    private int _failed;
    private int _timeouts;
    private int _resubmitted;
    private int _local;

    /// <summary>Records a batch a silo evaluated.</summary>
    public void Completed(EvaluationBatchResponse r, int count)
    {
        ArgumentNullException.ThrowIfNull(r);
        Worker(r.Silo, r.Cores, count, r.BusySeconds);
    }

    /// <summary>Records a failed attempt of <paramref name="count"/> individuals.</summary>
    public void Failed(int count, bool timeout)
    {
        Interlocked.Add(ref _failed, count);
        if (timeout)
        {
            Interlocked.Increment(ref _timeouts);
        }
    }

    /// <summary>Records a resubmission of <paramref name="count"/> individuals.</summary>
    public void Resubmitted(int count) => Interlocked.Add(ref _resubmitted, count);

    /// <summary>Records individuals evaluated locally.</summary>
    public void Local(int count, int cores, double busySeconds)
    {
        Interlocked.Add(ref _local, count);
        Worker("local", cores, count, busySeconds);
    }

    /// <summary>The figures of the call.</summary>
    public EvaluationDistribution ToDistribution(int batches, double wallSeconds)
    {
        lock (_gate)
        {
            var workers = _workers
                .OrderBy(w => w.Key, StringComparer.Ordinal)
                .Select(w => new WorkerStats(
                    w.Key,
                    w.Value.Cores,
                    w.Value.Evaluations,
                    w.Value.Busy,
                    wallSeconds > 0 ? w.Value.Evaluations / wallSeconds : 0,
                    wallSeconds > 0 ? 100.0 * w.Value.Busy / (wallSeconds * Math.Max(1, w.Value.Cores)) : 0))
                .ToList();
            return new EvaluationDistribution("cluster", batches, _failed, _timeouts, _resubmitted, _local, workers);
        }
    }

    private void Worker(string name, int cores, int count, double busy)
    {
        lock (_gate)
        {
            var w = _workers.GetValueOrDefault(name);
            _workers[name] = (Math.Max(w.Cores, cores), w.Evaluations + count, w.Busy + busy);
        }
    }
}
