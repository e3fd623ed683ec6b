using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Backtesting;

/// <summary>
/// Runs one chunk of strategies (one signal generator) over every window in a single pass over the bars: for each
/// block of bars, each group of 8 lanes gets its targets from the generator and is advanced through every window
/// that overlaps the block. Signals are computed once per bar, however many windows there are.
/// </summary>
internal sealed class ChunkRunner
{
    /// <summary>Bars per block: small enough that a block's targets and indicator rows stay in L1/L2.</summary>
    public const int BlockBars = 128;

    private readonly KernelSpec _spec;
    private readonly IReadOnlyList<BarRange> _windows;

    public ChunkRunner(KernelSpec spec, IReadOnlyList<BarRange> windows)
    {
        _spec = spec;
        _windows = windows;
    }

    /// <summary>Runs <paramref name="strategyCount"/> lanes of <paramref name="generator"/>; returns one state array per window.</summary>
    public double[][] Run<TRec>(ISignalGenerator generator, int strategyCount, ref TRec rec, CancellationToken ct)
        where TRec : struct, ITradeRecorder
    {
        const int L = BacktestKernel.Lanes;
        var groups = (strategyCount + L - 1) / L;
        var stride = groups * L;
        var states = new double[_windows.Count][];
        var end = 0;
        for (var w = 0; w < _windows.Count; w++)
        {
            states[w] = LaneVar.Create(stride, _spec.Cash0, _windows[w].Start);
            end = Math.Max(end, _windows[w].End);
        }

        var buffer = new double[BlockBars * L];
        var narrow = new double[BlockBars * L];
        var equity = new double[BlockBars * L];
        for (var b0 = 0; b0 < end; b0 += BlockBars)
        {
            ct.ThrowIfCancellationRequested();
            var n = Math.Min(BlockBars, end - b0);
            for (var g = 0; g < groups; g++)
            {
                var lanes = Math.Min(L, strategyCount - (g * L));
                if (lanes == L)
                {
                    generator.Fill(b0, n, g * L, L, buffer);
                }
                else
                {
                    generator.Fill(b0, n, g * L, lanes, narrow);
                    Widen(narrow, lanes, buffer, n);
                }

                for (var w = 0; w < _windows.Count; w++)
                {
                    var win = _windows[w];
                    var lo = Math.Max(b0, win.Start);
                    var hi = Math.Min(b0 + n, win.End);
                    if (lo < hi)
                    {
                        BacktestKernel.Run(_spec, states[w], stride, g * L, buffer, equity, b0, lo, hi, win.End - 1, ref rec);
                    }
                }
            }
        }

        return states;
    }

    private static void Widen(double[] narrow, int lanes, double[] wide, int rows)
    {
        const int L = BacktestKernel.Lanes;
        Array.Clear(wide);
        for (var r = 0; r < rows; r++)
        {
            Array.Copy(narrow, r * lanes, wide, r * L, lanes);
        }
    }
}
