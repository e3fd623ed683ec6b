using System.Globalization;

namespace ResearchPlatform.Engine.Evolution.WalkForward;

/// <summary>
/// Lays out walk-forward folds over a series: the last <see cref="WalkForwardOptions.HoldoutFraction"/> of the bars is
/// the hold-out; the rest (the development period) is cut into k equal blocks at <c>floor(i * D / k)</c>; the last
/// <see cref="WalkForwardOptions.TestFraction"/> of each block is that fold's test window.
/// </summary>
internal static class WalkForwardPlanner
{
    /// <summary>Smallest training window the planner accepts.</summary>
    public const int MinTrainBars = 2;

    /// <summary>Plans folds for <paramref name="barCount"/> bars; throws <see cref="ArgumentException"/> naming the problem.</summary>
    public static WalkForwardPlan Plan(int barCount, WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        var holdoutBars = (int)Math.Floor(barCount * options.HoldoutFraction);
        var development = barCount - holdoutBars;
        var folds = new List<WalkForwardFold>(options.Folds);
        var trains = new List<BarWindow>(options.Folds);
        var tests = new List<BarWindow>(options.Folds);
        for (var i = 0; i < options.Folds; i++)
        {
            var blockStart = (int)((long)i * development / options.Folds);
            var blockEnd = (int)((long)(i + 1) * development / options.Folds);
            var testBars = Math.Max(1, (int)Math.Round((blockEnd - blockStart) * options.TestFraction, MidpointRounding.AwayFromZero));
            var test = new BarWindow(blockEnd - testBars, testBars);
            var trainStart = options.Mode == FoldMode.Anchored ? 0 : blockStart + (i == 0 ? 0 : options.EmbargoBars);
            var train = new BarWindow(trainStart, test.Start - trainStart);
            if (train.Length < MinTrainBars)
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{barCount} bars are too few for {options.Folds} folds (holdout {options.HoldoutFraction}, embargo {options.EmbargoBars}): fold {i} would train on {train.Length} bars"));
            }

            trains.Add(train);
            tests.Add(test);
        }

        for (var i = 0; i < options.Folds; i++)
        {
            folds.Add(new WalkForwardFold(i, trains[i], tests[i], IsStrict(tests[i], trains, options)));
        }

        return new WalkForwardPlan(barCount, options, folds, new BarWindow(development, holdoutBars));
    }

    /// <summary>A window is strictly out of sample when no training window, widened by the embargo before it, touches it.</summary>
    public static bool IsStrict(BarWindow window, IReadOnlyList<BarWindow> trains, WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(trains);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var train in trains)
        {
            var footprintStart = Math.Max(0, train.Start - (options.Mode == FoldMode.Rolling ? options.EmbargoBars : 0));
            if (window.Overlaps(new BarWindow(footprintStart, train.End - footprintStart)))
            {
                return false;
            }
        }

        return true;
    }
}
