using System.Diagnostics;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Backtesting;

/// <summary>
/// The batch backtest: many gene vectors of one seed type over one series and any number of windows, in one pass over
/// the bars. Each window [start, end) is an independent backtest that starts flat with the initial cash at its start
/// bar (signals are computed from bar 0, so indicators are warm) and ends by the end-of-data rule at its last bar.
/// Strategies are split into chunks of 8-lane groups; chunks run on up to <c>threads</c> threads.
/// </summary>
public static class BacktestEngine
{
    /// <summary>
    /// Runs <paramref name="strategyCount"/> strategies (row-major <paramref name="geneMatrix"/>, one row of
    /// <c>seed.Genes.Count</c> genes each) over every window. Metrics are identical to <see cref="Backtest.Run"/> for the
    /// same inputs, whatever the thread count or the strategy's position in the batch.
    /// </summary>
    /// <exception cref="BacktestInputException">Invalid options, genes or windows (all problems listed).</exception>
    public static BatchResult RunBatch(BarSeries bars, ISeedType seed, ReadOnlySpan<double> geneMatrix, int strategyCount, BacktestOptions options, IReadOnlyList<BarRange> windows, int threads, CancellationToken ct)
    {
        BacktestInputs.Validate(bars, seed, geneMatrix, strategyCount, options, windows);
        var clock = Stopwatch.StartNew();
        var spec = new KernelSpec(options, bars.Open, bars.High, bars.Low, bars.Close);
        var genes = geneMatrix.ToArray();
        var g = seed.Genes.Count;
        var windowList = windows.ToArray();
        var bpy = Annualization.BarsPerYear(bars);
        var metrics = new BacktestMetrics[strategyCount * windowList.Length];
        var chunks = Chunks(strategyCount, Math.Max(1, threads));
        var po = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = ct };
        Parallel.For(0, chunks.Count, po, c =>
        {
            var lanes = chunks[c];
            var chunkGenes = new double[lanes.Length * g];
            for (var j = 0; j < lanes.Length; j++)
            {
                genes.AsSpan(lanes[j] * g, g).CopyTo(chunkGenes.AsSpan(j * g, g));
            }

            var generator = seed.CreateGenerator(bars, chunkGenes, lanes.Length);
            var rec = default(NullRecorder);
            var states = new ChunkRunner(spec, windowList).Run(generator, lanes.Length, ref rec, ct);
            for (var w = 0; w < windowList.Length; w++)
            {
                for (var j = 0; j < lanes.Length; j++)
                {
                    metrics[(lanes[j] * windowList.Length) + w] = MetricsCalculator.Compute(states[w], states[w].Length / LaneVar.Count, j, windowList[w], bpy, spec);
                }
            }
        });
        long steps = 0;
        foreach (var w in windowList)
        {
            steps += (long)w.Length * strategyCount;
        }

        return new BatchResult(strategyCount, windowList, metrics, clock.Elapsed, steps);
    }

    /// <summary>
    /// Splits strategies into one chunk per thread, dealing whole 8-lane groups round-robin so that every chunk gets a
    /// similar mix (e.g. of fast and slow windows); a partial last group stays last in its chunk. Returns, per chunk,
    /// the strategy indices of its lanes in order.
    /// </summary>
    internal static List<int[]> Chunks(int strategyCount, int threads)
    {
        const int L = BacktestKernel.Lanes;
        var groups = (strategyCount + L - 1) / L;
        var n = Math.Clamp(threads, 1, groups);
        var list = new List<int[]>(n);
        for (var c = 0; c < n; c++)
        {
            var lanes = new List<int>();
            for (var grp = c; grp < groups; grp += n)
            {
                for (var s = grp * L; s < Math.Min(strategyCount, (grp + 1) * L); s++)
                {
                    lanes.Add(s);
                }
            }

            list.Add([.. lanes]);
        }

        return list;
    }
}
