namespace ResearchPlatform.Host.Plugins.HotReload;

/// <summary>
/// Watches the plugin search folders with its own <see cref="FileSystemWatcher"/>s (Changed, Created and Renamed, so
/// both in-place writes and atomic rename-replace are seen, which McMaster's watcher misses) and calls back once per
/// plugin folder after the changes have been quiet for the debounce time.
/// </summary>
internal sealed class PluginFolderWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Dictionary<string, Timer> _pending = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly Action<string> _changed;
    private readonly TimeSpan _debounce;
    private bool _disposed;

    public PluginFolderWatcher(IEnumerable<PluginSearchRoot> roots, TimeSpan debounce, Action<string> changed)
    {
        _changed = changed;
        _debounce = debounce;
        foreach (var root in roots.Where(r => Directory.Exists(r.Path)))
        {
            var isPluginFolder = File.Exists(Path.Combine(root.Path, PluginManifest.FileName));
            var w = new FileSystemWatcher(root.Path)
            {
                IncludeSubdirectories = !isPluginFolder,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            var rootPath = root.Path;
            FileSystemEventHandler onEvent = (_, e) => OnEvent(rootPath, isPluginFolder, e.FullPath);
            w.Changed += onEvent;
            w.Created += onEvent;
            w.Renamed += (_, e) => OnEvent(rootPath, isPluginFolder, e.FullPath);
            w.EnableRaisingEvents = true;
            _watchers.Add(w);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var t in _pending.Values)
            {
                t.Dispose();
            }

            _pending.Clear();
        }

        foreach (var w in _watchers)
        {
            w.Dispose();
        }
    }

    private void OnEvent(string root, bool isPluginFolder, string path)
    {
        string folder;
        if (isPluginFolder)
        {
            folder = root;
        }
        else
        {
            var relative = Path.GetRelativePath(root, path);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first.Length == 0 || first.StartsWith('.') || first == "..")
            {
                return;
            }

            folder = Path.Combine(root, first);
        }

        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            if (_pending.TryGetValue(folder, out var timer))
            {
                timer.Change(_debounce, Timeout.InfiniteTimeSpan);
                return;
            }

            _pending[folder] = new Timer(_ => Fire(folder), null, _debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire(string folder)
    {
        lock (_lock)
        {
            if (_pending.Remove(folder, out var timer))
            {
                timer.Dispose();
            }
        }

        if (Directory.Exists(folder) && File.Exists(Path.Combine(folder, PluginManifest.FileName)))
        {
            _changed(folder);
        }
    }
}
