namespace ResearchPlatform.Host.Service.Views;

/// <summary>Latest Fear &amp; Greed reading known to the service.</summary>
internal sealed record FearGreedView(int Value, string Classification, DateTimeOffset Date, bool Stale);
