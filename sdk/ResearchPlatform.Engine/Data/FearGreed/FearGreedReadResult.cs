namespace ResearchPlatform.Engine.Data.FearGreed;

/// <summary>A validated Fear &amp; Greed file: its days in date order and the calendar days missing between the first and last.</summary>
public sealed record FearGreedReadResult(string FilePath, IReadOnlyList<FearGreedPoint> Points, IReadOnlyList<DateOnly> MissingDays, int DuplicatesDropped);
