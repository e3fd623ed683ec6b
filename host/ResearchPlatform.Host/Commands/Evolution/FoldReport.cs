namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>One fold: train and test bar ranges, and whether the test window is strictly out of sample.</summary>
internal sealed record FoldReport(int Fold, int[] Train, int[] Test, bool StrictlyOutOfSample);
