using System.Collections.Concurrent;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>
/// The live rules of a rules folder: one compiled rule per decision type plus the thresholds. <see cref="StartWatching"/>
/// watches the folder (Created, Changed and Renamed — editors save by renaming), debounces each file, recompiles on a
/// timer thread (never on the decision path) and swaps the new rule in atomically. A file that fails to compile leaves
/// the previous version live and raises <see cref="Changed"/> with its errors (file:line:column).
/// </summary>
public sealed class RuleSet : IDisposable
{
    private readonly CompiledRule?[] _rules = new CompiledRule?[Enum.GetValues<DecisionType>().Length];
    private readonly RuleCompiler _compiler;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ITimer> _pending = new(StringComparer.Ordinal);
    private readonly Lock _reloadLock = new();
    private FileSystemWatcher? _watcher;
    private TimeSpan _debounce = TimeSpan.FromMilliseconds(50);
    private volatile Thresholds _thresholds = Thresholds.Empty;

    /// <summary>Creates an empty set over <paramref name="directory"/>; call <see cref="LoadAll"/>.</summary>
    public RuleSet(string directory, RuleCompiler? compiler = null, TimeProvider? time = null)
    {
        Directory = Path.GetFullPath(directory);
        _compiler = compiler ?? new RuleCompiler();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Raised after every (re)load attempt of a file, on the reloading thread.</summary>
    public event Action<RuleSetEvent>? Changed;

    /// <summary>The rules folder.</summary>
    public string Directory { get; }

    /// <summary>The current thresholds.</summary>
    public Thresholds Thresholds => _thresholds;

    /// <summary>Successful swaps so far (all files).</summary>
    public int Generation { get; private set; }

    /// <summary>The live rule of <paramref name="type"/>, or null when none compiled yet.</summary>
    public CompiledRule? Current(DecisionType type) => Volatile.Read(ref _rules[(int)type]);

    /// <summary>Loads thresholds and compiles every rule; returns one event per file (missing rule files are errors).</summary>
    public IReadOnlyList<RuleSetEvent> LoadAll(CancellationToken ct = default)
    {
        var events = new List<RuleSetEvent> { ReloadFile(Path.Combine(Directory, RuleFiles.ThresholdsFileName), ct) };
        foreach (var type in Enum.GetValues<DecisionType>())
        {
            events.Add(ReloadFile(Path.Combine(Directory, RuleFiles.FileName(type)), ct));
        }

        return events;
    }

    /// <summary>Starts the file watcher with the given debounce (default 50 ms).</summary>
    public void StartWatching(TimeSpan? debounce = null)
    {
        _debounce = debounce ?? _debounce;
        _watcher = new FileSystemWatcher(Directory)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
        };
        _watcher.Created += (_, e) => Schedule(e.FullPath);
        _watcher.Changed += (_, e) => Schedule(e.FullPath);
        _watcher.Renamed += (_, e) => Schedule(e.FullPath);
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Reloads one file now (thresholds.json or a rule); a file that is not a rule is ignored.</summary>
    public RuleSetEvent ReloadFile(string path, CancellationToken ct = default)
    {
        lock (_reloadLock)
        {
            var ev = ReloadCore(Path.GetFullPath(path), ct);
            Changed?.Invoke(ev);
            return ev;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _watcher?.Dispose();
        foreach (var t in _pending.Values)
        {
            t.Dispose();
        }
    }

    private void Schedule(string path)
    {
        var name = Path.GetFileName(path);
        if (RuleFiles.FromFileName(name) is null && !string.Equals(name, RuleFiles.ThresholdsFileName, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // Debounce: every event restarts this file's timer; the reload runs once the file has been quiet.
        var timer = _pending.GetOrAdd(path, p => _time.CreateTimer(_ => OnQuiet(p), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        timer.Change(_debounce, Timeout.InfiniteTimeSpan);
    }

    private void OnQuiet(string path)
    {
        try
        {
            ReloadFile(path);
        }
#pragma warning disable CA1031 // a watcher thread must never die: the error is surfaced as an event
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Changed?.Invoke(new RuleSetEvent(path, false, string.Empty, [new RuleDiagnostic(path, 1, 1, "RP0002", ex.Message)]));
        }
    }

    private RuleSetEvent ReloadCore(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return new RuleSetEvent(path, false, string.Empty, [new RuleDiagnostic(path, 1, 1, "RP0003", "file not found")]);
        }

        if (string.Equals(Path.GetFileName(path), RuleFiles.ThresholdsFileName, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                _thresholds = ThresholdsFile.Load(path);
                Generation++;
                return new RuleSetEvent(path, true, string.Empty, []);
            }
            catch (InvalidDataException ex)
            {
                return new RuleSetEvent(path, false, string.Empty, [new RuleDiagnostic(path, 1, 1, "RP0004", ex.Message)]);
            }
        }

        if (RuleFiles.FromFileName(path) is not { } type)
        {
            return new RuleSetEvent(path, false, string.Empty, [new RuleDiagnostic(path, 1, 1, "RP0005", "not a rule file name (expected one of the decision types, e.g. strategy_pool_sizing.csx)")]);
        }

        var result = _compiler.Compile(type, path, ReadShared(path), ct);
        if (result.Rule is not { } rule)
        {
            return new RuleSetEvent(path, false, string.Empty, result.Errors);
        }

        var old = Interlocked.Exchange(ref _rules[(int)type], rule);
        Generation++;
        if (old is not null && !ReferenceEquals(old, rule))
        {
            _compiler.Release(old);
        }

        return new RuleSetEvent(path, true, rule.Hash, []);
    }

    private static string ReadShared(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(fs);
                return reader.ReadToEnd();
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(20);
            }
        }
    }
}
