namespace ResearchPlatform.Host.Commands.Risk;

/// <summary>One row of <c>rp risk events --json</c>.</summary>
internal sealed record RiskEventRow(string SourceKind, string SourceId, int Seq, DateTimeOffset Time, int? Bar, string Kind, string From, string To, string Breakers, string Detail);
