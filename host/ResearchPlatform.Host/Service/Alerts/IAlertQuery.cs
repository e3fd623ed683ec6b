namespace ResearchPlatform.Host.Service.Alerts;

/// <summary>
/// Reads and acknowledges raised alerts for <c>/api/alerts</c>. The host's default keeps recent alerts in memory
/// (<see cref="InMemoryAlertStore"/>); a persistent implementation can replace it in DI.
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
