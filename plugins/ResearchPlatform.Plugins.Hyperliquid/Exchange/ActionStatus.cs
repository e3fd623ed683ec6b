namespace ResearchPlatform.Plugins.Hyperliquid.Exchange;

/// <summary>One entry of an /exchange statuses array: kind "resting", "filled", "success", "error", ...</summary>
internal sealed record ActionStatus(string Kind, long? Oid, decimal? TotalSize, decimal? AveragePrice, string? Error);
