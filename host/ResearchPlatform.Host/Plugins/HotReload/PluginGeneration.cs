namespace ResearchPlatform.Host.Plugins.HotReload;

/// <summary>
/// One loaded version of a plugin folder and the work in flight on it. Once retired (a newer version took over) it
/// unloads its load context as soon as the last lease is released.
/// </summary>
internal sealed class PluginGeneration(PluginEntry entry, DateTimeOffset loadedAt)
{
    private readonly Lock _lock = new();
    private int _inFlight;
    private bool _retired;
    private PluginEntry? _entry = entry;

    public DateTimeOffset LoadedAt { get; } = loadedAt;

    /// <summary>The loaded entry; null once unloaded.</summary>
    public PluginEntry? Entry => _entry;

    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Takes a lease; false when the generation was already retired (the caller looks up the current one again).</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_retired)
            {
                return false;
            }

            _inFlight++;
            return true;
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            _inFlight--;
            if (!_retired || _inFlight > 0)
            {
                return;
            }
        }

        Unload();
    }

    /// <summary>No new work; unloads now when nothing is in flight, else when the last lease is released.</summary>
    public void Retire()
    {
        lock (_lock)
        {
            _retired = true;
            if (_inFlight > 0)
            {
                return;
            }
        }

        Unload();
    }

    private void Unload() => Interlocked.Exchange(ref _entry, null)?.Unload();
}
