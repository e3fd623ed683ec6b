using System.Globalization;

namespace ResearchPlatform.Engine.Evolution.WalkForward;

/// <summary>Walk-forward layout: folds, mode, hold-out share, test share and embargo.</summary>
/// <param name="Folds">Number of train/test folds (k), at least 1.</param>
/// <param name="Mode">Rolling (strict, default) or anchored (expanding).</param>
/// <param name="HoldoutFraction">Share of the series at its end kept as the final hold-out (default 0.2).</param>
/// <param name="TestFraction">Share of each rolling block (or anchored step) used as the test window (default 0.25).</param>
/// <param name="EmbargoBars">
/// Rolling mode: bars left unused after each test window before the next training window starts, so that the warm-up
/// look-back of a training window does not read test bars. Set it to the longest indicator look-back for strict
/// isolation of warm-up too (scored bars are disjoint either way). Default 0.
/// </param>
internal sealed record WalkForwardOptions(
    int Folds = 4,
    FoldMode Mode = FoldMode.Rolling,
    double HoldoutFraction = 0.2,
    double TestFraction = 0.25,
    int EmbargoBars = 0)
{
    /// <summary>Every invalid field, named; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Folds < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"folds must be at least 1 (was {Folds})"));
        }

        if (!(HoldoutFraction >= 0 && HoldoutFraction < 0.9))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"holdout must be in [0, 0.9) (was {HoldoutFraction})"));
        }

        if (!(TestFraction > 0 && TestFraction < 1))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"test_fraction must be in (0, 1) (was {TestFraction})"));
        }

        if (EmbargoBars < 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"embargo_bars must be >= 0 (was {EmbargoBars})"));
        }

        return errors;
    }
}
