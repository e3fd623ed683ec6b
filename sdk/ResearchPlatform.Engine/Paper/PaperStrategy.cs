using ResearchPlatform.Sdk.Seeds;

namespace ResearchPlatform.Engine.Paper;

/// <summary>One strategy of a paper session: a seed type and one gene vector, under a display name (e.g. "run-3#1").</summary>
internal sealed record PaperStrategy(string Name, ISeedType Seed, IReadOnlyList<double> Genes);
