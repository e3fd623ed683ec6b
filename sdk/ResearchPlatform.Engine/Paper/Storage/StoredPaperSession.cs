namespace ResearchPlatform.Engine.Paper.Storage;

/// <summary>A paper session as stored when it began: enough to rebuild its bars, strategies and options for a resume.</summary>
internal sealed record StoredPaperSession(
    string SessionId,
    string Mode,
    string Status,
    string Symbol,
    string Interval,
    string DataSource,
    DateTimeOffset From,
    DateTimeOffset To,
    int Bars,
    IReadOnlyList<StoredPaperStrategy> Strategies,
    PaperOptions Options);
