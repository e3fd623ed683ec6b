using System.Diagnostics;
using System.Globalization;
using System.Text;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Bench;

/// <summary>
/// The market-data benchmark: in a throw-away workspace, generate N synthetic 1m bars, import them (appender + upsert),
/// re-import them (must insert 0), load them back into a <see cref="BarSeries"/> through Arrow, resample to 1h, and parse a
/// freqtrade JSON file of the same bars. A 10,000-bar import and load of another symbol warm up JIT and DuckDB first
/// (untimed); the import is timed once (it needs an empty table), loads best-of-3.
/// </summary>
internal static class DataBenchmark
{
    public const long ImportTargetMs = 3000;
    public const long LoadTargetMs = 300;

    public static async Task<DataBenchmarkResult> RunAsync(int rows, Action<string> progress, CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetTempPath(), "rp-bench-" + Path.GetRandomFileName());
        Directory.CreateDirectory(dir);
        try
        {
            var sw = Stopwatch.StartNew();
            var series = SyntheticBars.Generate("BENCH/USDT", BarInterval.Parse("1m"), rows, seed: 42);
            var generateMs = sw.ElapsedMilliseconds;
            progress($"generated {rows:N0} bars in {generateMs} ms");
            sw.Restart();
            using var db = ResearchDatabase.Open(Path.Combine(dir, ResearchDatabase.FileName));
            var openMs = sw.ElapsedMilliseconds;
            var store = new BarStore(db);
            store.Import(SyntheticBars.Generate("WARMUP/USDT", series.Interval, 10_000, seed: 1), "bench-warmup", ct: ct);
            await store.LoadAsync("WARMUP/USDT", series.Interval, ct: ct);

            var cpu = CpuMs();
            var (import, importMs) = Time(() => store.Import(series, "bench", ct: ct));
            var importCpuMs = CpuMs() - cpu;
            progress($"import: {import.Inserted:N0} inserted in {importMs} ms (process CPU {importCpuMs} ms)");
            var (again, reimportMs) = Time(() => store.Import(series, "bench", ct: ct));
            progress($"re-import: {again.Inserted:N0} inserted, {again.Updated:N0} updated in {reimportMs} ms");
            var (loaded, loadMs, loadCpuMs) = await BestOfThreeLoadAsync(store, series, ct);
            progress($"load: {loaded:N0} bars in {loadMs} ms (best of 3; process CPU {loadCpuMs} ms)");
            sw.Restart();
            var hourly = await store.LoadResampledAsync(series.Symbol, series.Interval, BarInterval.Parse("1h"), ct: ct);
            var resampleMs = sw.ElapsedMilliseconds;
            var (parsed, parseMs, jsonBytes) = ParseJson(series, dir, ct);
            progress($"parse freqtrade JSON: {parsed:N0} bars in {parseMs} ms");

            return new DataBenchmarkResult(
                rows, generateMs, openMs, importMs, importCpuMs, ImportTargetMs, importMs < ImportTargetMs, import.Inserted,
                reimportMs, again.Inserted, again.Updated, loadMs, loadCpuMs, LoadTargetMs, loadMs < LoadTargetMs, loaded,
                resampleMs, hourly.Series.Count, parseMs, jsonBytes, Environment.ProcessorCount, MachineLoad());
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
        }
    }

    private static (T Result, long Ms) Time<T>(Func<T> work)
    {
        var sw = Stopwatch.StartNew();
        var result = work();
        return (result, sw.ElapsedMilliseconds);
    }

    private static async Task<(int Bars, long Ms, long CpuMs)> BestOfThreeLoadAsync(BarStore store, BarSeries series, CancellationToken ct)
    {
        var best = long.MaxValue;
        var bestCpu = long.MaxValue;
        var bars = 0;
        for (var i = 0; i < 3; i++)
        {
            var cpu = CpuMs();
            var sw = Stopwatch.StartNew();
            var s = await store.LoadAsync(series.Symbol, series.Interval, ct: ct);
            best = Math.Min(best, sw.ElapsedMilliseconds);
            bestCpu = Math.Min(bestCpu, CpuMs() - cpu);
            bars = s.Count;
        }

        return (bars, best, bestCpu);
    }

    /// <summary>CPU time of this process (all threads, including DuckDB's): a figure other processes' load does not inflate.</summary>
    private static long CpuMs()
    {
        using var p = Process.GetCurrentProcess();
        return (long)p.TotalProcessorTime.TotalMilliseconds;
    }

    /// <summary>The 1-minute load average (Linux), to put wall-clock figures in context; null elsewhere.</summary>
    private static double? MachineLoad()
    {
        try
        {
            var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : null;
            return text is null ? null : double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static (int Bars, long Ms, long Bytes) ParseJson(BarSeries series, string dir, CancellationToken ct)
    {
        var path = Path.Combine(dir, "BENCH_USDT-1m.json");
        WriteFreqtradeJson(series, path);
        var (read, ms) = Time(() => BarFileReader.Read(path, ct: ct));
        return (read.Series.Count, ms, new FileInfo(path).Length);
    }

    private static void WriteFreqtradeJson(BarSeries s, string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write('[');
        for (var i = 0; i < s.Count; i++)
        {
            w.Write(i == 0 ? "[" : ",[");
            w.Write(s.OpenTimesMs[i].ToString(CultureInfo.InvariantCulture));
            foreach (var v in (ReadOnlySpan<double>)[s.Open[i], s.High[i], s.Low[i], s.Close[i], s.Volume[i]])
            {
                w.Write(',');
                w.Write(v.ToString("R", CultureInfo.InvariantCulture));
            }

            w.Write(']');
        }

        w.Write(']');
    }
}
