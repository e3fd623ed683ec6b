namespace ResearchPlatform.Sdk.Alerts;

/// <summary>
/// One alert as raised by a component. <paramref name="Key"/> is stable for the same condition (e.g.
/// <c>breaker:daily_drawdown:BTCUSD</c>) so repeats within the throttling window collapse into one alert with a count.
/// </summary>
/// <param name="Level">Severity.</param>
/// <param name="Category">Area.</param>
/// <param name="Key">De-duplication key.</param>
/// <param name="Title">One line.</param>
/// <param name="Body">Details (plain text).</param>
/// <param name="Component">The component that raised it (e.g. <c>risk_manager</c>).</param>
/// <param name="Context">Structured context data (ids, figures); values are plain strings.</param>
/// <param name="RaisedAt">When the condition was observed.</param>
public sealed record Alert(
    AlertLevel Level,
    AlertCategory Category,
    string Key,
    string Title,
    string Body,
    string Component,
    IReadOnlyDictionary<string, string> Context,
    DateTimeOffset RaisedAt);
