namespace ResearchPlatform.Engine.Evolution.WalkForward;

/// <summary>One walk-forward fold: a training window scored for selection and the test window after it.</summary>
/// <param name="Index">Fold number, 0-based, in time order.</param>
/// <param name="Train">Bars whose results feed the selection fitness.</param>
/// <param name="Test">Bars reported as out-of-sample for this fold; never used by selection of this fold.</param>
/// <param name="TestIsStrictlyOutOfSample">True when no training window of any fold overlaps <paramref name="Test"/>.</param>
internal sealed record WalkForwardFold(int Index, BarWindow Train, BarWindow Test, bool TestIsStrictlyOutOfSample);
