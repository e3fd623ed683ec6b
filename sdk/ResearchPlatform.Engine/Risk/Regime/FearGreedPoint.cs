namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>The Fear &amp; Greed index value published for one UTC day (0 extreme fear .. 100 extreme greed).</summary>
internal readonly record struct FearGreedPoint(DateOnly Day, int Value);
