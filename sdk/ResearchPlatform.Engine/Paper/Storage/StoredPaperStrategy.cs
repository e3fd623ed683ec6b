namespace ResearchPlatform.Engine.Paper.Storage;

/// <summary>A strategy of a stored paper session: its name, seed type id and genes.</summary>
internal sealed record StoredPaperStrategy(string Name, string Seed, IReadOnlyList<double> Genes);
