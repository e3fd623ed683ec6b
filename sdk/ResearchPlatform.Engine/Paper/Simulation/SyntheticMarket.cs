using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Paper.Simulation;

/// <summary>A generated market: the bars and the regime each bar was drawn in (for statistics and reports).</summary>
internal sealed record SyntheticMarket(BarSeries Bars, IReadOnlyList<SimulatedRegime> Regimes, IReadOnlyList<int> JumpsPerBar);
