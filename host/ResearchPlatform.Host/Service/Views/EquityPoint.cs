namespace ResearchPlatform.Host.Service.Views;

/// <summary>One point of an equity curve (bar close time, equity, drawdown from the running peak in %).</summary>
internal sealed record EquityPoint(DateTimeOffset T, double Equity, double DrawdownPct);
