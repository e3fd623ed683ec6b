using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using ResearchPlatform.Host.Plugins;
using ResearchPlatform.Host.Plugins.HotReload;
using ResearchPlatform.Host.Service.Alerts;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Host.Tests.Plugins.HotReload;

public sealed class HotPluginCatalogTests : IDisposable
{
    private readonly PluginSandbox _sandbox = new();
    private readonly InMemoryAlertStore _alerts = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Watcher_AtomicRenameReplaceUnderLoad_NewWorkOnNewVersionInFlightOnOldThenOldUnloads()
    {
        var folder = _sandbox.Add(PluginSandbox.Good);
        using var hot = HotPluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root), _alerts, TimeProvider.System);
        hot.StartWatching(TimeSpan.FromMilliseconds(100));
        var swapped = new TaskCompletionSource<(PluginReloadEvent Event, long Sequence)>(TaskCreationOptions.RunContinuationsAsynchronously);
        long sequence = 0;
        hot.Reloaded += e => swapped.TrySetResult((e, Interlocked.Read(ref sequence)));
        var oldContext = hot.LoadContextOf(folder)!;
        var held = new[] { hot.Acquire(PluginContracts.Seed, "test_level") }; // in flight across the swap (array: cleared below so the test frame keeps no reference)
        var results = new ConcurrentBag<(long Sequence, string Source, double Signal)>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Work(hot, results, () => Interlocked.Increment(ref sequence), stop.Token))).ToArray();

        await Task.Delay(200);
        ReplaceManifestAtomically(folder, "1.2.4");
        var (reload, swapSequence) = await swapped.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(200);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal("swapped", reload.Outcome);
        var oldSource = held[0]!.Source;
        Assert.StartsWith("TestGood@1.2.3+", oldSource, StringComparison.Ordinal);
        var newSource = "TestGood@" + reload.NewVersion;
        Assert.StartsWith("1.2.4+", reload.NewVersion, StringComparison.Ordinal);
        Assert.Contains(results, r => r.Source == oldSource);
        Assert.Contains(results, r => r.Source == newSource);
        Assert.All(results.Where(r => r.Sequence > swapSequence), r => Assert.Equal(newSource, r.Source));
        Assert.All(results, r => Assert.Equal(0.5, r.Signal));
        Assert.Equal(0.25, SignalOf(held[0]!, 0.25)); // the held version still works
        Assert.True(IsAlive(oldContext), "the old version unloaded while work was in flight on it");

        held[0]!.Dispose();
        held[0] = null;

        Assert.False(IsAlive(oldContext), "the old load context was not collected after the last lease");
        Assert.Equal(newSource, hot.Acquire(PluginContracts.Seed, "test_level")!.Source);
    }

    [Fact]
    public async Task Watcher_InPlaceWriteOfBadManifest_KeepsOldVersionAndRaisesAlert()
    {
        var folder = _sandbox.Add(PluginSandbox.Good);
        using var hot = HotPluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root), _alerts, TimeProvider.System);
        var before = hot.Acquire(PluginContracts.Seed, "test_level")!.Source;
        hot.StartWatching(TimeSpan.FromMilliseconds(100));
        var failed = new TaskCompletionSource<PluginReloadEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hot.Reloaded += e => failed.TrySetResult(e);

        PluginSandbox.EditManifest(folder, m => m["sdkVersion"] = "9.0");
        var e = await failed.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("failed", e.Outcome);
        Assert.Contains("incompatible Sdk", e.Error, StringComparison.Ordinal);
        using var lease = hot.Acquire(PluginContracts.Seed, "test_level")!;
        Assert.Equal(before, lease.Source);
        var status = hot.Status().Single();
        Assert.Equal("reload_failed", status.Status);
        var alert = Assert.Single(_alerts.List(new AlertFilter(Level: Sdk.Alerts.AlertLevel.Warning)));
        Assert.Equal("plugin_reload:TestGood", alert.Key);
        Assert.Contains("still running 1.2.3+", alert.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_ThrowingConstructorVersion_KeepsOldVersion()
    {
        var folder = _sandbox.Add(PluginSandbox.Good);
        using var hot = HotPluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root), _alerts, TimeProvider.System);
        var before = hot.Acquire(PluginContracts.Seed, "test_level")!.Source;
        File.Copy(Path.Combine(PluginSandbox.Staged(PluginSandbox.Throwing), "ResearchPlatform.TestPlugins.Throwing.dll"), Path.Combine(folder, "ResearchPlatform.TestPlugins.Throwing.dll"));
        PluginSandbox.EditManifest(folder, m =>
        {
            m["assembly"] = "ResearchPlatform.TestPlugins.Throwing.dll";
            m["version"] = "2.0.0";
        });

        var e = hot.Reload(folder);

        Assert.Equal("failed", e.Outcome);
        Assert.Contains("constructor of", e.Error, StringComparison.Ordinal);
        Assert.Equal(before, hot.Acquire(PluginContracts.Seed, "test_level")!.Source);
    }

    [Fact]
    public void Reload_100Times_LoadContextsAndMemoryStayBounded()
    {
        var folder = _sandbox.Add(PluginSandbox.Good);
        using var hot = HotPluginCatalog.Load(PluginSearchPaths.Of(_sandbox.Root), _alerts, TimeProvider.System);
        for (var i = 0; i < 5; i++)
        {
            Cycle(hot, folder, i);
        }

        var (contexts0, memory0) = Measure();
        for (var i = 5; i < 105; i++)
        {
            Cycle(hot, folder, i);
        }

        var (contexts1, memory1) = Measure();

        Assert.Equal(105, hot.History.Count(h => h.Outcome == "swapped"));
        Assert.InRange(contexts1 - contexts0, -5, 2);
        Assert.True(memory1 - memory0 < 16 * 1024 * 1024, $"managed memory grew by {(memory1 - memory0) / 1024} KiB over 100 reloads");
    }

    private static void Cycle(HotPluginCatalog hot, string folder, int i)
    {
        PluginSandbox.EditManifest(folder, m => m["version"] = $"1.3.{i}");
        Assert.Equal("swapped", hot.Reload(folder).Outcome);
        using var lease = hot.Acquire(PluginContracts.Seed, "test_level")!;
        Assert.Equal(0.5, Signal((ISeedType)lease.Component.Instance, 0.5));
    }

    private static (int Contexts, long Memory) Measure()
    {
        for (var i = 0; i < 5; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return (AssemblyLoadContext.All.Count(), GC.GetTotalMemory(forceFullCollection: true));
    }

    private static void Work(HotPluginCatalog hot, ConcurrentBag<(long, string, double)> results, Func<long> next, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var seq = next();
            using var lease = hot.Acquire(PluginContracts.Seed, "test_level")!;
            results.Add((seq, lease.Source, Signal((ISeedType)lease.Component.Instance, 0.5)));
            Thread.Sleep(1);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SignalOf(PluginLease lease, double level) => Signal((ISeedType)lease.Component.Instance, level);

    private static double Signal(ISeedType seed, double level)
    {
        var generator = seed.CreateGenerator(TestSeries.Hourly(3), [level], 1);
        var target = new double[1];
        generator.Fill(2, 1, target);
        return target[0];
    }

    private static void ReplaceManifestAtomically(string folder, string version)
    {
        var path = Path.Combine(folder, "plugin.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json["version"] = version;
        var temp = Path.Combine(folder, "plugin.json.tmp");
        File.WriteAllText(temp, json.ToJsonString());
        File.Move(temp, path, overwrite: true);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsAlive(WeakReference reference)
    {
        for (var i = 0; i < 10 && reference.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return reference.IsAlive;
    }
}
