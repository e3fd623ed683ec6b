namespace ResearchPlatform.Engine.Evolution.WalkForward;

/// <summary>How walk-forward folds lay out their training windows.</summary>
internal enum FoldMode
{
    /// <summary>
    /// The development period is cut into k consecutive blocks; each block is [train | embargo | test]. No test bar of
    /// any fold lies in any training window, so every test window is strictly out of sample.
    /// </summary>
    Rolling,

    /// <summary>
    /// Expanding training windows anchored at bar 0: fold i trains on [0, test_i start - embargo) and tests on the
    /// block after it. A fold's test bars re-enter the training windows of later folds, so only the last fold's test
    /// window is strictly out of sample; <see cref="WalkForwardFold.TestIsStrictlyOutOfSample"/> says which.
    /// </summary>
    Anchored,
}
