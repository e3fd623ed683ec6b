using ResearchPlatform.Engine.Evolution.WalkForward;

namespace ResearchPlatform.Engine.Evolution.Fitness;

/// <summary>One window an individual is backtested on: an independent backtest that starts flat at its first bar.</summary>
/// <param name="Fold">Walk-forward fold index (-1 for the hold-out).</param>
/// <param name="Role">Train, test or hold-out.</param>
/// <param name="Bars">The bar range.</param>
/// <param name="StrictlyOutOfSample">For test windows: no training window touches it.</param>
internal sealed record EvaluationWindow(int Fold, WindowRole Role, BarWindow Bars, bool StrictlyOutOfSample = false);
