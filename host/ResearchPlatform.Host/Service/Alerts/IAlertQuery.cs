namespace ResearchPlatform.Host.Service.Alerts;

/// <summary>
/// Reads and acknowledges raised alerts for <c>/api/alerts</c>. <c>rp serve</c> uses <see cref="ServeAlerts"/> (DuckDB history);
/// <see cref="InMemoryAlertStore"/> keeps recent alerts in memory (tests, tools without a workspace).
/// </summary>
public interface IAlertQuery
{
    /// <summary>Newest first, filtered; null filters match everything.</summary>
    IReadOnlyList<AlertRecord> List(AlertFilter filter);

    /// <summary>Acknowledges one alert; false when the id is unknown.</summary>
    bool Acknowledge(string id, DateTimeOffset at);

    /// <summary>Raised after an alert is stored or its count grows (for the event stream).</summary>
    event Action<AlertRecord>? Stored;
}
