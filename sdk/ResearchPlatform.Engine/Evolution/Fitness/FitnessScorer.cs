using System.Globalization;
using System.Runtime.CompilerServices;

namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>
/// Turns an evaluation into a <see cref="FitnessScore"/>. Fitness and objectives read the training windows only; test
/// windows are summarised for reporting and never feed selection.
/// </summary>
internal sealed class FitnessScorer
{
    private readonly CompositeFitnessOptions _options;
    private readonly ObjectiveMetric _objective1;
    private readonly ObjectiveMetric _objective2;
    private readonly double _periodsPerYear;

    public FitnessScorer(CompositeFitnessOptions options, ObjectiveMetric objective1, ObjectiveMetric objective2, double periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodsPerYear);
        _options = options;
        _objective1 = objective1;
        _objective2 = objective2;
        _periodsPerYear = periodsPerYear;
    }

    /// <summary>
    /// Returns <paramref name="evaluation"/>, or a failed one when it claims success but its metrics do not match the
    /// plan (wrong count, non-finite values).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IndividualEvaluation Normalize(EvaluationPlan plan, IndividualEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.Status != EvaluationStatus.Ok)
        {
            return evaluation;
        }

        if (evaluation.Windows.Count != plan.Windows.Count)
        {
            return IndividualEvaluation.Failed(string.Create(
                CultureInfo.InvariantCulture, $"evaluator returned {evaluation.Windows.Count} window results for {plan.Windows.Count} windows"));
        }

        for (var i = 0; i < evaluation.Windows.Count; i++)
        {
            if (!evaluation.Windows[i].IsFinite)
            {
                return IndividualEvaluation.Failed(string.Create(
                    CultureInfo.InvariantCulture, $"non-finite metrics on window {i} ({plan.Windows[i].Role} {plan.Windows[i].Bars})"));
            }
        }

        return evaluation;
    }

    /// <summary>The score of a normalised evaluation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public FitnessScore Score(EvaluationPlan plan, IndividualEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.Status != EvaluationStatus.Ok || evaluation.Windows.Count != plan.Windows.Count)
        {
            return FitnessScore.Failed;
        }

        MetricAccumulator train = default, strict = default, test = default;
        double sum = 0, sumSq = 0;
        for (var i = 0; i < plan.Windows.Count; i++)
        {
            var w = plan.Windows[i];
            var m = evaluation.Windows[i];
            if (w.Role == WindowRole.Train)
            {
                train.Add(m, _periodsPerYear);
                var f = WindowFitness(m);
                sum += f;
                sumSq += f * f;
            }
            else if (w.Role == WindowRole.Test)
            {
                test.Add(m, _periodsPerYear);
                if (w.StrictlyOutOfSample)
                {
                    strict.Add(m, _periodsPerYear);
                }
            }
        }

        var fitness = Aggregate(sum, sumSq, train.Count);
        var trainSummary = train.Build();
        return new FitnessScore(
            fitness,
            Objective(_objective1, trainSummary, fitness),
            Objective(_objective2, trainSummary, fitness),
            Violation(trainSummary),
            trainSummary,
            strict.Build(),
            test.Build());
    }

    /// <summary>Composite fitness of one window.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double WindowFitness(WindowMetrics m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var f = (_options.SharpeWeight * m.Sharpe)
            + (_options.ReturnWeight * MetricSummary.AnnualLogReturn(m.TotalReturn, m.Bars, _periodsPerYear))
            - (_options.DrawdownWeight * m.MaxDrawdown);
        if (_options.MinTrades > 0 && m.Trades < _options.MinTrades)
        {
            f -= _options.TradePenalty * (_options.MinTrades - m.Trades) / _options.MinTrades;
        }

        return f;
    }

    /// <summary>mean - ConsistencyPenalty * std of the per-window fitness; -infinity without windows.</summary>
    public double Composite(IReadOnlyList<WindowMetrics> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Count == 0)
        {
            return double.NegativeInfinity;
        }

        double sum = 0, sumSq = 0;
        foreach (var m in windows)
        {
            var f = WindowFitness(m);
            sum += f;
            sumSq += f * f;
        }

        return Aggregate(sum, sumSq, windows.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Aggregate(double sum, double sumSq, int count)
    {
        if (count == 0)
        {
            return double.NegativeInfinity;
        }

        var mean = sum / count;
        var variance = Math.Max(0, (sumSq / count) - (mean * mean));
        var result = mean - (_options.ConsistencyPenalty * Math.Sqrt(variance));
        return double.IsFinite(result) ? result : double.NegativeInfinity;
    }

    private static double Objective(ObjectiveMetric metric, MetricSummary train, double fitness) => metric switch
    {
        ObjectiveMetric.Sharpe => train.Sharpe,
        ObjectiveMetric.AnnualReturn => train.AnnualReturn,
        ObjectiveMetric.NegMaxDrawdown => -train.MaxDrawdown,
        ObjectiveMetric.Trades => train.MeanTrades,
        _ => fitness,
    };

    private double Violation(MetricSummary train) =>
        _options.MinTrades <= 0 ? 0 : Math.Max(0, _options.MinTrades - train.MeanTrades) / _options.MinTrades;
}
