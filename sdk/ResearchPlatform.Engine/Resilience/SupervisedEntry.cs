namespace ResearchPlatform.Engine.Resilience;

/// <summary>The resilience manager's mutable record of one component (guarded by its own lock).</summary>
internal sealed class SupervisedEntry(ISupervisedComponent component, int keptErrors)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _faults = new();
    private readonly Queue<string> _errors = new();
    private SupervisionState _state = SupervisionState.Pending;
    private int _restarts;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private DateTimeOffset? _nextStartAt;

    public ISupervisedComponent Component => component;

    public Task? Task { get; set; }

    public SupervisedStatus Status
    {
        get
        {
            lock (_lock)
            {
                return new SupervisedStatus(component.Name, _state, _restarts, _lastError, _lastErrorAt, _nextStartAt, [.. _errors]);
            }
        }
    }

    public SupervisedStatus Set(SupervisionState state, DateTimeOffset? nextStartAt = null, bool restarted = false)
    {
        lock (_lock)
        {
            _state = state;
            _nextStartAt = nextStartAt;
            _restarts += restarted ? 1 : 0;
        }

        return Status;
    }

    /// <summary>Records a fault; returns the number of faults within <paramref name="window"/> (this one included).</summary>
    public int RecordFault(Exception error, DateTimeOffset at, TimeSpan window)
    {
        lock (_lock)
        {
            _lastError = $"{error.GetType().Name}: {error.Message}";
            _lastErrorAt = at;
            _errors.Enqueue(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{at:yyyy-MM-ddTHH:mm:ss.fffZ} {_lastError}"));
            while (_errors.Count > keptErrors)
            {
                _errors.Dequeue();
            }

            _faults.Enqueue(at);
            while (_faults.Count > 0 && _faults.Peek() <= at - window)
            {
                _faults.Dequeue();
            }

            return _faults.Count;
        }
    }
}
