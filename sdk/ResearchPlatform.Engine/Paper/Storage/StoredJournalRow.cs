namespace ResearchPlatform.Engine.Paper.Storage;

/// <summary>One order-journal row: sequence, kind, time and the entry's JSON.</summary>
internal sealed record StoredJournalRow(long Sequence, string Kind, DateTimeOffset Timestamp, string Entry);
