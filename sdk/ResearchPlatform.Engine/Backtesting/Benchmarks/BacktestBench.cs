using System.Diagnostics;
using System.Runtime.Intrinsics;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Backtesting.Benchmarks;

/// <summary>
/// The backtest benchmark of issue 3, run through the same seeds and kernel as <c>rp backtest</c> and evolution:
/// (1) the canonical grid — momentum, mode state, SMA, fast 2..99 × slow fast+1..100 (4,851 strategies), 1 unit,
/// filled at the close, 10 bps fees, PnL in price units; (2) random individuals spread over the seed types with the
/// default options; (3) one single backtest with full trade accounting. Each figure is the best of several runs (the target figure)
/// and, next to it, their median (the spread under load).
/// </summary>
public static class BacktestBench
{
    /// <summary>
    /// Options of the canonical grid. It ranks by PnL, so it asks for <see cref="StatisticsLevel.Trades"/>; the bench
    /// also times the same grid with every statistic (<see cref="BacktestBenchResult.FullStepsPerSec"/>).
    /// </summary>
    public static BacktestOptions GridOptions { get; } = new()
    {
        Statistics = StatisticsLevel.Trades,
        Fill = FillMode.Close,
        Sizing = SizingMode.FixedUnits,
        Units = 1,
        FeeBps = 10,
        Direction = TradeDirection.LongShort,
        ExitAtEnd = EndOfDataMode.LastClose,
    };

    /// <summary>The canonical grid's gene matrix for the momentum seed: (mode, ma, fast, slow) rows.</summary>
    public static double[] GridGenes(out int count)
    {
        var rows = new List<double>();
        count = 0;
        for (var fast = 2; fast <= 99; fast++)
        {
            for (var slow = fast + 1; slow <= 100; slow++)
            {
                rows.AddRange([1, 0, fast, slow]);
                count++;
            }
        }

        return rows.ToArray();
    }

    /// <summary>Runs the three parts; <paramref name="progress"/> gets one line per step.</summary>
    public static BacktestBenchResult Run(BarSeries bars, ISeedType momentum, IReadOnlyList<ISeedType> seeds, int threads, int repeats, Action<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(momentum);
        ArgumentNullException.ThrowIfNull(seeds);
        var genes = GridGenes(out var count);
        var window = new[] { BarRange.All(bars.Count) };
        BatchResult? grid = null;
        var gridSeconds = new List<double>();
        var gridCpuSeconds = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < repeats; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            grid = BacktestEngine.RunBatch(bars, momentum, genes, count, GridOptions, window, threads, ct);
            process.Refresh();
            gridCpuSeconds.Add((process.TotalProcessorTime - cpu0).TotalSeconds);
            gridSeconds.Add(grid.Elapsed.TotalSeconds);
            progress?.Invoke($"grid run {i + 1}/{repeats}: {grid.Elapsed.TotalSeconds:F3} s, {(double)grid.Steps / grid.Elapsed.TotalSeconds / 1e9:F2} G steps/s");
        }

        var fullSeconds = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var full = BacktestEngine.RunBatch(bars, momentum, genes, count, GridOptions with { Statistics = StatisticsLevel.Full }, window, threads, ct);
            fullSeconds.Add(full.Elapsed.TotalSeconds);
            progress?.Invoke($"grid (full statistics) run {i + 1}/{repeats}: {full.Elapsed.TotalSeconds:F3} s");
        }

        var best = 0;
        for (var s = 1; s < count; s++)
        {
            if (grid!.Get(s, 0).Pnl > grid.Get(best, 0).Pnl)
            {
                best = s;
            }
        }

        var population = RandomPopulation(seeds, 1000, 42);
        foreach (var (seed, matrix, n) in population)
        {
            // warm-up (JIT) of every seed's generator before timing
            BacktestEngine.RunBatch(bars, seed, matrix, n, new BacktestOptions(), window, threads, ct);
        }

        var mixedSeconds = new List<double>();
        var mixedCpuSeconds = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            foreach (var (seed, matrix, n) in population)
            {
                BacktestEngine.RunBatch(bars, seed, matrix, n, new BacktestOptions(), window, threads, ct);
            }

            mixedSeconds.Add(clock.Elapsed.TotalSeconds);
            process.Refresh();
            mixedCpuSeconds.Add((process.TotalProcessorTime - cpu0).TotalSeconds);
            progress?.Invoke($"mixed run {i + 1}/{repeats}: {clock.Elapsed.TotalSeconds:F3} s");
        }

        var singleMs = new List<double>();
        var defaults = GeneValidation.Defaults(momentum);
        for (var i = 0; i < Math.Max(repeats * 10, 60); i++)
        {
            var clock = Stopwatch.StartNew();
            Backtest.Run(bars, momentum, defaults, new BacktestOptions(), null, ct);
            singleMs.Add(clock.Elapsed.TotalMilliseconds);
        }

        var mixedCount = population.Sum(p => p.Count);
        var gridSteps = (double)bars.Count * count;
        var mixedSteps = (double)bars.Count * mixedCount;
        return new BacktestBenchResult(
            bars.Count,
            count,
            (int)genes[(best * 4) + 2],
            (int)genes[(best * 4) + 3],
            grid!.Get(best, 0).Pnl,
            gridSeconds.Min(),
            gridSteps / gridSeconds.Min(),
            gridSteps / fullSeconds.Min(),
            mixedCount,
            mixedSeconds.Min(),
            mixedSteps / mixedSeconds.Min(),
            gridSteps / gridCpuSeconds.Min(),
            mixedSteps / mixedCpuSeconds.Min(),
            singleMs.Min(),
            threads,
            Vector512.IsHardwareAccelerated)
        {
            Repeats = repeats,
            MedianStepsPerSec = gridSteps / Median(gridSeconds),
            MedianFullStepsPerSec = gridSteps / Median(fullSeconds),
            MedianMixedStepsPerSec = mixedSteps / Median(mixedSeconds),
            MedianStepsPerCpuSec = gridSteps / Median(gridCpuSeconds),
            MedianMixedStepsPerCpuSec = mixedSteps / Median(mixedCpuSeconds),
            MedianSingleMs = Median(singleMs),
        };
    }

    /// <summary>Median of the run times (mean of the two middle values for an even count).</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// <paramref name="total"/> random valid individuals spread evenly over <paramref name="seeds"/>: genes uniform in
    /// their search bounds (integers and choices uniform), redrawn until the seed type accepts them.
    /// </summary>
    public static List<(ISeedType Seed, double[] Genes, int Count)> RandomPopulation(IReadOnlyList<ISeedType> seeds, int total, int randomSeed)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var rng = new Random(randomSeed);
        var result = new List<(ISeedType, double[], int)>();
        for (var k = 0; k < seeds.Count; k++)
        {
            var seed = seeds[k];
            var n = (total / seeds.Count) + (k < total % seeds.Count ? 1 : 0);
            var g = seed.Genes.Count;
            var matrix = new double[n * g];
            for (var s = 0; s < n; s++)
            {
                var row = matrix.AsSpan(s * g, g);
                do
                {
                    for (var i = 0; i < g; i++)
                    {
                        var spec = seed.Genes[i];
                        row[i] = spec.Kind == GeneKind.Real
                            ? spec.Min + (rng.NextDouble() * (spec.Max - spec.Min))
                            : rng.Next((int)spec.Min, (int)spec.Max + 1);
                    }
                }
                while (GeneValidation.Check(seed, row).Errors.Count > 0);
            }

            result.Add((seed, matrix, n));
        }

        return result;
    }
}
