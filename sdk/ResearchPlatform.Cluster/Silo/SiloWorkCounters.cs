namespace ResearchPlatform.Cluster.Silo;

/// <summary>Thread-safe counters of a silo's evaluation work.</summary>
internal sealed class SiloWorkCounters
{
    private long _evaluations;
    private long _batches;
    private long _busyTicks;
    private long _datasetLoads;
    private int _inFlight;

    /// <summary>Individuals evaluated.</summary>
    public long Evaluations => Interlocked.Read(ref _evaluations);

    /// <summary>Batches evaluated.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Busy time summed over the evaluation threads.</summary>
    public TimeSpan Busy => TimeSpan.FromTicks(Interlocked.Read(ref _busyTicks));

    /// <summary>Datasets received.</summary>
    public long DatasetLoads => Interlocked.Read(ref _datasetLoads);

    /// <summary>Batches queued or running.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Records a finished batch.</summary>
    public void AddBatch(int evaluations, TimeSpan busy)
    {
        Interlocked.Add(ref _evaluations, evaluations);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _busyTicks, busy.Ticks);
    }

    /// <summary>Records a received dataset.</summary>
    public void AddDatasetLoad() => Interlocked.Increment(ref _datasetLoads);

    /// <summary>Marks a batch as started; dispose the result when it ends.</summary>
    public InFlightScope Enter()
    {
        Interlocked.Increment(ref _inFlight);
        return new InFlightScope(this);
    }

    /// <summary>Ends an in-flight batch.</summary>
    public readonly struct InFlightScope(SiloWorkCounters owner) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => Interlocked.Decrement(ref owner._inFlight);
    }
}
