using System.Globalization;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Evolution.Evaluation;

/// <summary>
/// Evaluates individuals with the vectorised backtest kernel: the batch is split by seed type (in order of first
/// appearance) and each group runs as one <see cref="BacktestEngine.RunBatch"/> over every window of the plan, so the
/// signals are computed once per strategy for all windows. Results go back by index. Gene vectors the seed type rejects
/// fail individually; a kernel error fails the whole group with its message. Costs always apply
/// (<see cref="BacktestOptions"/> defaults to Hyperliquid fees).
/// </summary>
internal sealed class BacktestFitnessEvaluator : IFitnessEvaluator
{
    private readonly BarSeries _bars;
    private readonly IReadOnlyDictionary<string, ISeedType> _seeds;
    private readonly BacktestOptions _options;

    public BacktestFitnessEvaluator(BarSeries bars, IEnumerable<ISeedType> seeds, BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(options);
        _bars = bars;
        _seeds = seeds.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _options = options;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<IndividualEvaluation>> EvaluateAsync(IReadOnlyList<Individual> batch, EvaluationPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(plan);
        var results = new IndividualEvaluation[batch.Count];
        if (plan.Windows.Count == 0)
        {
            Array.Fill(results, IndividualEvaluation.Ok([]));
            return ValueTask.FromResult<IReadOnlyList<IndividualEvaluation>>(results);
        }

        var windows = plan.Windows.Select(w => new BarRange(w.Bars.Start, w.Bars.End)).ToArray();
        foreach (var group in Enumerable.Range(0, batch.Count).GroupBy(i => batch[i].SeedTypeId, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            if (!_seeds.TryGetValue(group.Key, out var seed))
            {
                foreach (var i in group)
                {
                    results[i] = IndividualEvaluation.Failed($"seed type '{group.Key}' is not loaded");
                }

                continue;
            }

            RunGroup(seed, batch, [.. group], windows, plan.Threads, results, ct);
        }

        return ValueTask.FromResult<IReadOnlyList<IndividualEvaluation>>(results);
    }

    /// <summary>Maps kernel metrics (percentages, drawdown as a negative percent) to the GA's window metrics.</summary>
    public static WindowMetrics ToWindowMetrics(BacktestMetrics m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new WindowMetrics(
            m.Sharpe, m.TotalReturnPct / 100.0, Math.Abs(m.MaxDrawdownPct) / 100.0, m.Trades, m.Bars,
            double.IsFinite(m.Skewness) ? m.Skewness : 0.0, double.IsFinite(m.Kurtosis) ? m.Kurtosis : 3.0);
    }

    /// <summary>A text key of the cost-relevant options (part of every fitness-cache key).</summary>
    public static string CostModelKey(BacktestOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"fee={o.FeeBps}bp maker={o.MakerFeeBps}bp slip={o.SlippageBps}bp+{o.SlippageRangeFraction}range fill={o.Fill} size={o.Sizing}:{o.Units} dir={o.Direction} cash={o.InitialCash} sl={o.StopLossPct} tp={o.TakeProfitPct} trail={o.TrailingStopPct} end={o.ExitAtEnd} funding={(o.FundingRates is null ? "none" : o.FundingRates.Count.ToString(CultureInfo.InvariantCulture))}");
    }

    private void RunGroup(ISeedType seed, IReadOnlyList<Individual> batch, int[] members, BarRange[] windows, int threads, IndividualEvaluation[] results, CancellationToken ct)
    {
        var g = seed.Genes.Count;
        var runnable = new List<int>(members.Length);
        foreach (var i in members)
        {
            var errors = batch[i].Genes.Length == g ? GeneValidation.Check(seed, batch[i].Genes.AsSpan()).Errors : [$"expected {g} genes, got {batch[i].Genes.Length}"];
            if (errors.Count > 0)
            {
                results[i] = IndividualEvaluation.Failed(string.Join("; ", errors));
            }
            else
            {
                runnable.Add(i);
            }
        }

        if (runnable.Count == 0)
        {
            return;
        }

        var matrix = new double[runnable.Count * g];
        for (var k = 0; k < runnable.Count; k++)
        {
            batch[runnable[k]].Genes.AsSpan().CopyTo(matrix.AsSpan(k * g, g));
        }

        BatchResult run;
        try
        {
            run = BacktestEngine.RunBatch(_bars, seed, matrix, runnable.Count, _options, windows, threads, ct);
        }
        catch (BacktestInputException ex)
        {
            foreach (var i in runnable)
            {
                results[i] = IndividualEvaluation.Failed(ex.Message);
            }

            return;
        }

        for (var k = 0; k < runnable.Count; k++)
        {
            var metrics = new WindowMetrics[windows.Length];
            for (var w = 0; w < windows.Length; w++)
            {
                metrics[w] = ToWindowMetrics(run.Get(k, w));
            }

            results[runnable[k]] = IndividualEvaluation.Ok(metrics);
        }
    }
}
