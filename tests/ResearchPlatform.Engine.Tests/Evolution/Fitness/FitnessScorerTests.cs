using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.WalkForward;

namespace ResearchPlatform.Engine.Tests.Evolution.Fitness;

public sealed class FitnessScorerTests
{
    private static readonly EvaluationPlan Plan = new(
        "d",
        "c",
        [
            new EvaluationWindow(0, WindowRole.Train, new BarWindow(0, 8760)),
            new EvaluationWindow(1, WindowRole.Train, new BarWindow(10_000, 4380)),
            new EvaluationWindow(0, WindowRole.Test, new BarWindow(9000, 500), StrictlyOutOfSample: true),
            new EvaluationWindow(1, WindowRole.Test, new BarWindow(15_000, 500), StrictlyOutOfSample: false),
        ],
        EvaluationPurpose.Generation,
        1);

    [Fact]
    public void Score_TwoTrainWindows_CompositeMatchesHandComputation()
    {
        var scorer = new FitnessScorer(new CompositeFitnessOptions(1.0, 0.5, 1.0, 10, 2.0, 0.5), ObjectiveMetric.Sharpe, ObjectiveMetric.NegMaxDrawdown, 8760);
        var eval = IndividualEvaluation.Ok(
        [
            new WindowMetrics(1.2, 0.10, 0.20, 30, 8760),
            new WindowMetrics(0.6, 0.05, 0.10, 4, 4380),
            new WindowMetrics(5.0, 1.0, 0.0, 99, 500),
            new WindowMetrics(-5.0, -0.5, 0.9, 99, 500),
        ]);

        var score = scorer.Score(Plan, eval);

        // Window 1: 1.2 + 0.5 * ln(1.10) * 8760 / 8760 - 0.20 = 1.047655...
        var f1 = 1.2 + (0.5 * Math.Log(1.10)) - 0.20;
        // Window 2: 0.6 + 0.5 * ln(1.05) * 2 - 0.10 - 2 * (10 - 4) / 10
        var f2 = 0.6 + (0.5 * Math.Log(1.05) * 2) - 0.10 - 1.2;
        var mean = (f1 + f2) / 2;
        var std = Math.Abs(f1 - f2) / 2;
        Assert.Equal(mean - (0.5 * std), score.Fitness, 12);
        Assert.Equal(0.9, score.Objective1, 12);           // mean train Sharpe
        Assert.Equal(-0.20, score.Objective2, 12);         // minus the worst train drawdown
        Assert.Equal(0.0, score.Violation);                // 17 trades per window on average
        Assert.Equal(34, score.Train.Trades);
        Assert.Equal(5.0, score.OutOfSample.Sharpe);       // only the strict test window
        Assert.Equal(0.0, score.Test.Sharpe, 12);          // both test windows
    }

    [Fact]
    public void Score_TestMetricsChanged_FitnessAndObjectivesUnchanged()
    {
        var scorer = new FitnessScorer(new CompositeFitnessOptions(), ObjectiveMetric.AnnualReturn, ObjectiveMetric.Composite, 8760);
        var train = new[] { new WindowMetrics(1, 0.1, 0.1, 12, 8760), new WindowMetrics(2, 0.2, 0.2, 12, 4380) };

        var a = scorer.Score(Plan, IndividualEvaluation.Ok([.. train, new WindowMetrics(9, 9, 0, 9, 500), new WindowMetrics(9, 9, 0, 9, 500)]));
        var b = scorer.Score(Plan, IndividualEvaluation.Ok([.. train, new WindowMetrics(-9, -0.9, 0.9, 0, 500), new WindowMetrics(0, 0, 0, 0, 500)]));

        Assert.Equal(a.Fitness, b.Fitness);
        Assert.Equal(a.Objective1, b.Objective1);
        Assert.Equal(a.Objective2, b.Objective2);
        Assert.Equal(a.Fitness, a.Objective2);
    }

    [Fact]
    public void Score_NoTrades_PenalisedByFullTradePenaltyAndInfeasible()
    {
        var scorer = new FitnessScorer(new CompositeFitnessOptions(MinTrades: 10, TradePenalty: 2.0), ObjectiveMetric.Sharpe, ObjectiveMetric.NegMaxDrawdown, 8760);
        var flat = new WindowMetrics(0, 0, 0, 0, 8760);

        var score = scorer.Score(Plan, IndividualEvaluation.Ok([flat, flat with { Bars = 4380 }, flat, flat]));

        Assert.Equal(-2.0, score.Fitness, 12);
        Assert.Equal(1.0, score.Violation, 12);
    }

    [Fact]
    public void Normalize_WrongWindowCountOrNaN_BecomesFailedWithReason()
    {
        var tooFew = FitnessScorer.Normalize(Plan, IndividualEvaluation.Ok([new WindowMetrics(1, 0, 0, 1, 1)]));
        var nan = FitnessScorer.Normalize(Plan, IndividualEvaluation.Ok(Enumerable.Repeat(new WindowMetrics(double.NaN, 0, 0, 1, 1), 4).ToList()));

        Assert.Equal(EvaluationStatus.Failed, tooFew.Status);
        Assert.Contains("1 window results for 4 windows", tooFew.Error, StringComparison.Ordinal);
        Assert.Equal(EvaluationStatus.Failed, nan.Status);
        Assert.Contains("window 0", nan.Error, StringComparison.Ordinal);
        Assert.False(new FitnessScorer(new CompositeFitnessOptions(), ObjectiveMetric.Sharpe, ObjectiveMetric.Trades, 8760).Score(Plan, nan).IsValid);
    }

    [Fact]
    public void AnnualLogReturn_WipedOut_StaysFinite()
    {
        Assert.Equal(Math.Log(1e-6), MetricSummary.AnnualLogReturn(-1.0, 8760, 8760), 12);
        Assert.Equal(Math.Log(1.21) / 2, MetricSummary.AnnualLogReturn(0.21, 17_520, 8760), 12);
    }
}
