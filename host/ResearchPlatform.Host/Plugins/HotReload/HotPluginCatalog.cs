using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Plugins.HotReload;

/// <summary>
/// The plugin catalog with hot reload. Work takes a <see cref="PluginLease"/> on the current version of a component;
/// when a plugin folder changes (watched, debounced, or <see cref="Reload"/> by hand) the new version is loaded beside
/// the old one in its own collectible context; if it loads, new leases get it, leases already held finish on the old
/// one, and the old context unloads when the last of them is released (nothing else keeps its instances). A reload that
/// fails (bad manifest, incompatible Sdk, throwing constructor, corrupt DLL, id clash) keeps the old version and raises
/// a warning alert. Thread-safe.
/// </summary>
public sealed class HotPluginCatalog : IDisposable
{
    private const int HistoryLimit = 200;
    private readonly IReadOnlyList<PluginContract> _contracts;
    private readonly IAlertPublisher _alerts;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<PluginSearchRoot> _roots;
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly List<PluginReloadEvent> _history = [];
    private readonly Lock _lock = new();
    private readonly Lock _reloadLock = new();
    private PluginFolderWatcher? _watcher;

    private HotPluginCatalog(IReadOnlyList<PluginSearchRoot> roots, IReadOnlyList<PluginContract> contracts, IAlertPublisher alerts, TimeProvider time)
    {
        _roots = roots;
        _contracts = contracts;
        _alerts = alerts;
        _time = time;
    }

    /// <summary>Raised after every reload attempt (on the reloading thread).</summary>
    public event Action<PluginReloadEvent>? Reloaded;

    /// <summary>Recent reload attempts, oldest first.</summary>
    public IReadOnlyList<PluginReloadEvent> History
    {
        get
        {
            lock (_lock)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>Loads every plugin of <paramref name="paths"/> (same rules as <see cref="PluginCatalog.Load(PluginSearchPaths)"/>).</summary>
    public static HotPluginCatalog Load(PluginSearchPaths paths, IAlertPublisher alerts, TimeProvider time, IReadOnlyList<PluginContract>? contracts = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var initial = PluginCatalog.Load(paths, contracts ?? PluginContracts.All); // entries are owned by the hot catalog from here on
        var hot = new HotPluginCatalog(paths.Roots, contracts ?? PluginContracts.All, alerts, time);
        var now = time.GetUtcNow();
        foreach (var entry in initial.Plugins)
        {
            hot._slots[entry.Folder] = new Slot(entry.Folder, entry.Origin)
            {
                Current = entry.IsLoaded ? new PluginGeneration(entry, now) : null,
                Failed = entry.IsLoaded ? null : entry,
            };
        }

        return hot;
    }

    /// <summary>Watches the search folders and reloads a plugin folder once its files have been quiet for <paramref name="debounce"/>.</summary>
    public void StartWatching(TimeSpan? debounce = null)
    {
        _watcher ??= new PluginFolderWatcher(_roots, debounce ?? TimeSpan.FromMilliseconds(250), folder =>
        {
            try
            {
                Reload(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Record(new PluginReloadEvent(Path.GetFileName(folder), folder, "failed", null, null, ex.Message, _time.GetUtcNow()), null);
            }
        });
    }

    /// <summary>A lease on the current version of <paramref name="kind"/>:<paramref name="id"/>; null when no loaded plugin provides it.</summary>
    public PluginLease? Acquire(string kind, string id)
    {
        while (true)
        {
            PluginGeneration? generation;
            lock (_lock)
            {
                generation = _slots.Values.Select(s => s.Current).FirstOrDefault(g => g?.Entry?.Components.Any(c => Matches(c, kind, id)) == true);
            }

            if (generation is null)
            {
                return null;
            }

            if (generation.TryEnter())
            {
                var component = generation.Entry!.Components.First(c => Matches(c, kind, id));
                return new PluginLease(generation, component);
            }
        }
    }

    /// <summary>Reloads one plugin folder now (what the watcher calls). Never throws for a bad plugin: the event says it.</summary>
    public PluginReloadEvent Reload(string folder)
    {
        folder = Path.GetFullPath(folder);
        lock (_reloadLock)
        {
            Slot? slot;
            lock (_lock)
            {
                _slots.TryGetValue(folder, out slot);
            }

            var origin = slot?.Origin ?? _roots.FirstOrDefault(r => folder.StartsWith(r.Path, StringComparison.Ordinal))?.Origin ?? "reload";
            var old = slot?.Current?.Entry;
            var fresh = PluginCatalog.LoadFolder(folder, origin, _contracts);
            var clash = fresh.IsLoaded ? Clash(folder, fresh) : null;
            if (clash is not null)
            {
                fresh = fresh.Fail(clash);
            }

            var now = _time.GetUtcNow();
            if (!fresh.IsLoaded)
            {
                var failed = new PluginReloadEvent(fresh.Id, folder, "failed", old?.VersionTag, old?.VersionTag, fresh.Error, now);
                lock (_lock)
                {
                    slot ??= _slots[folder] = new Slot(folder, origin);
                    slot.LastReload = now;
                    slot.LastError = fresh.Error;
                    slot.Failed = slot.Current is null ? fresh : null;
                }

                return Record(failed, new Alert(AlertLevel.Warning, AlertCategory.System, "plugin_reload:" + fresh.Id, $"Plugin {fresh.Id} reload failed",
                    $"{fresh.Error}; {(old is null ? "no version is loaded" : $"still running {old.VersionTag}")}", "plugins", new Dictionary<string, string> { ["folder"] = folder }, now));
            }

            if (old is not null && old.VersionTag == fresh.VersionTag)
            {
                fresh.Unload();
                return Record(new PluginReloadEvent(fresh.Id, folder, "unchanged", old.VersionTag, old.VersionTag, null, now), null);
            }

            PluginGeneration? retired;
            lock (_lock)
            {
                slot ??= _slots[folder] = new Slot(folder, origin);
                retired = slot.Current;
                slot.Current = new PluginGeneration(fresh, now);
                slot.Failed = null;
                slot.LastReload = now;
                slot.LastError = null;
            }

            retired?.Retire();
            return Record(new PluginReloadEvent(fresh.Id, folder, "swapped", old?.VersionTag, fresh.VersionTag, null, now),
                new Alert(AlertLevel.Informational, AlertCategory.System, "plugin_reload:" + fresh.Id, $"Plugin {fresh.Id} reloaded", $"{old?.VersionTag ?? "(none)"} -> {fresh.VersionTag}", "plugins", new Dictionary<string, string> { ["folder"] = folder }, now));
        }
    }

    /// <summary>Ids of the components of <paramref name="kind"/> the live versions provide, ordered.</summary>
    public IReadOnlyList<string> ComponentIds(string kind)
    {
        lock (_lock)
        {
            return [.. _slots.Values.SelectMany(s => s.Current?.Entry?.Components ?? []).Where(c => string.Equals(c.Kind, kind, StringComparison.OrdinalIgnoreCase)).Select(c => c.Id).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Every plugin folder with its live version, last reload and error.</summary>
    public IReadOnlyList<HotPluginStatus> Status()
    {
        lock (_lock)
        {
            return [.. _slots.Values.OrderBy(s => s.Folder, StringComparer.Ordinal).Select(s =>
            {
                var entry = s.Current?.Entry ?? s.Failed;
                var kinds = entry?.Manifest?.Provides.Select(p => p.Split(':')[0]).Distinct(StringComparer.Ordinal) ?? [];
                var status = s.Current is null ? "failed" : s.LastError is not null ? "reload_failed" : entry!.Status.ToString().ToLowerInvariant();
                return new HotPluginStatus(entry?.Id ?? Path.GetFileName(s.Folder), string.Join(",", kinds), entry?.VersionTag, s.Current?.LoadedAt, s.LastReload, status, s.LastError ?? s.Failed?.Error, s.Folder, s.Current?.InFlight ?? 0);
            })];
        }
    }

    /// <summary>A weak reference to the live load context of the plugin in <paramref name="folder"/> (tests prove unloading with it).</summary>
    internal WeakReference? LoadContextOf(string folder)
    {
        lock (_lock)
        {
            return _slots.TryGetValue(Path.GetFullPath(folder), out var s) ? s.Current?.Entry?.LoadContextReference() : null;
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        lock (_lock)
        {
            foreach (var s in _slots.Values)
            {
                s.Current?.Retire();
            }

            _slots.Clear();
        }
    }

    private static bool Matches(PluginComponent c, string kind, string id) =>
        string.Equals(c.Kind, kind, StringComparison.OrdinalIgnoreCase) && string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase);

    private string? Clash(string folder, PluginEntry fresh)
    {
        lock (_lock)
        {
            foreach (var other in _slots.Values.Where(s => s.Folder != folder && s.Current?.Entry is not null))
            {
                var entry = other.Current!.Entry!;
                if (string.Equals(entry.Id, fresh.Id, StringComparison.OrdinalIgnoreCase))
                {
                    return $"duplicate plugin id '{fresh.Id}': already loaded from {other.Folder}";
                }

                var shared = fresh.Components.FirstOrDefault(c => entry.Components.Any(o => Matches(o, c.Kind, c.Id)));
                if (shared is not null)
                {
                    return $"duplicate {shared.Kind} id '{shared.Id}': already provided by plugin '{entry.Id}' ({other.Folder})";
                }
            }
        }

        return null;
    }

    private PluginReloadEvent Record(PluginReloadEvent e, Alert? alert)
    {
        lock (_lock)
        {
            _history.Add(e);
            if (_history.Count > HistoryLimit)
            {
                _history.RemoveAt(0);
            }
        }

        if (alert is not null)
        {
            _alerts.Publish(alert);
        }

        Reloaded?.Invoke(e);
        return e;
    }

    private sealed class Slot(string folder, string origin)
    {
        public string Folder { get; } = folder;

        public string Origin { get; } = origin;

        public PluginGeneration? Current { get; set; }

        public PluginEntry? Failed { get; set; }

        public DateTimeOffset? LastReload { get; set; }

        public string? LastError { get; set; }
    }
}
