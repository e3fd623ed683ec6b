using ResearchPlatform.Engine.Evolution.WalkForward;

namespace ResearchPlatform.Engine.Tests.Evolution.WalkForward;

public sealed class WalkForwardPlannerTests
{
    [Fact]
    public void Plan_Rolling1000Bars4Folds_BlocksOf200WithLastQuarterTestedAndLast200HeldOut()
    {
        var plan = WalkForwardPlanner.Plan(1000, new WalkForwardOptions(4, FoldMode.Rolling, 0.2, 0.25, 0));

        Assert.Equal(new BarWindow(800, 200), plan.Holdout);
        Assert.Equal(
            [(0, 150, 150, 200), (200, 350, 350, 400), (400, 550, 550, 600), (600, 750, 750, 800)],
            plan.Folds.Select(f => (f.Train.Start, f.Train.End, f.Test.Start, f.Test.End)));
        Assert.All(plan.Folds, f => Assert.True(f.TestIsStrictlyOutOfSample));
    }

    [Fact]
    public void Plan_RollingWithEmbargo_TrainStartsEmbargoBarsAfterPreviousTest()
    {
        var plan = WalkForwardPlanner.Plan(1000, new WalkForwardOptions(4, FoldMode.Rolling, 0.2, 0.25, 30));

        Assert.Equal([0, 230, 430, 630], plan.Folds.Select(f => f.Train.Start));
        Assert.Equal([150, 350, 550, 750], plan.Folds.Select(f => f.Train.End));
        Assert.All(plan.Folds, f => Assert.True(f.TestIsStrictlyOutOfSample));
    }

    [Fact]
    public void IsStrict_WindowInsideEmbargoBeforeTrain_IsNotStrict()
    {
        BarWindow[] trains = [new BarWindow(100, 100)];
        var options = new WalkForwardOptions(1, FoldMode.Rolling, 0.2, 0.25, 30);

        Assert.True(WalkForwardPlanner.IsStrict(new BarWindow(60, 10), trains, options));   // ends at 70 = 100 - 30
        Assert.False(WalkForwardPlanner.IsStrict(new BarWindow(60, 11), trains, options));  // bar 70 feeds the warm-up
        Assert.True(WalkForwardPlanner.IsStrict(new BarWindow(200, 50), trains, options));  // after the train window
        Assert.False(WalkForwardPlanner.IsStrict(new BarWindow(199, 5), trains, options));
    }

    [Fact]
    public void Plan_Anchored_TrainsFromZeroAndOnlyLastTestIsStrict()
    {
        var plan = WalkForwardPlanner.Plan(1000, new WalkForwardOptions(4, FoldMode.Anchored, 0.2, 0.25, 0));

        Assert.All(plan.Folds, f => Assert.Equal(0, f.Train.Start));
        Assert.Equal([150, 350, 550, 750], plan.Folds.Select(f => f.Train.End));
        Assert.Equal([false, false, false, true], plan.Folds.Select(f => f.TestIsStrictlyOutOfSample));
    }

    [Theory]
    [InlineData(45_024, 4, 0.2, "Rolling", 0)]
    [InlineData(45_024, 7, 0.3, "Anchored", 0)]
    [InlineData(1_001, 3, 0.1, "Rolling", 12)]
    [InlineData(997, 1, 0.0, "Rolling", 0)]
    public void Plan_AnyLayout_NoTrainOrTestBarReachesTheHoldoutAndWindowsStayInRange(int bars, int folds, double holdout, string modeName, int embargo)
    {
        var mode = Enum.Parse<FoldMode>(modeName);
        var plan = WalkForwardPlanner.Plan(bars, new WalkForwardOptions(folds, mode, holdout, 0.25, embargo));

        Assert.Equal(bars, plan.Holdout.End);
        Assert.Equal((int)Math.Floor(bars * holdout), plan.Holdout.Length);
        foreach (var f in plan.Folds)
        {
            Assert.True(f.Train.Start >= 0 && f.Train.Length >= WalkForwardPlanner.MinTrainBars);
            Assert.True(f.Train.End <= f.Test.Start, $"fold {f.Index}: train {f.Train} runs into test {f.Test}");
            Assert.True(f.Test.End <= plan.Holdout.Start);
            Assert.False(f.Train.Overlaps(plan.Holdout));
        }
    }

    [Fact]
    public void Plan_TooFewBars_ThrowsNamingTheFold()
    {
        var ex = Assert.Throws<ArgumentException>(() => WalkForwardPlanner.Plan(20, new WalkForwardOptions(8, FoldMode.Rolling, 0.2, 0.25, 0)));

        Assert.Contains("fold 0 would train on", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadValues_NamesEveryField()
    {
        var errors = new WalkForwardOptions(0, FoldMode.Rolling, 0.95, 1.0, -1).Validate();

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("folds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("holdout", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("test_fraction", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("embargo_bars", StringComparison.Ordinal));
    }
}
