namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>The result of a Fear &amp; Greed fetch.</summary>
/// <param name="Points">Values, newest first as the API returns them; empty when nothing was ever fetched.</param>
/// <param name="FetchedAt">When these points were fetched from the API.</param>
/// <param name="IsStale">True when the API failed and these are older cached points (or none).</param>
/// <param name="Error">Why the API call failed, when it did.</param>
internal sealed record FearGreedReading(IReadOnlyList<FearGreedPoint> Points, DateTimeOffset FetchedAt, bool IsStale, string? Error);
