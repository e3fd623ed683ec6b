using System.Globalization;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Service.Alerts;

/// <summary>
/// Default alert publisher and query of the service: keeps the most recent alerts in memory, folds a repeat of an
/// unacknowledged key into one record (its count grows) and drops the oldest beyond the capacity.
/// </summary>
public sealed class InMemoryAlertStore(int capacity = 1000) : IAlertPublisher, IAlertQuery
{
    private static readonly IReadOnlyDictionary<string, string> Delivery = new Dictionary<string, string> { ["memory"] = "delivered" };
    private readonly List<AlertRecord> _records = [];
    private readonly Lock _lock = new();
    private long _next;

    public event Action<AlertRecord>? Stored;

    public void Publish(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        AlertRecord record;
        lock (_lock)
        {
            var i = _records.FindIndex(r => r.Key == alert.Key && r.AcknowledgedAt is null && r.Level == Lower(alert.Level));
            if (i >= 0)
            {
                record = _records[i] with { Count = _records[i].Count + 1, Title = alert.Title, Body = alert.Body };
                _records.RemoveAt(i);
            }
            else
            {
                var id = "al-" + (++_next).ToString("D6", CultureInfo.InvariantCulture);
                record = new AlertRecord(id, Lower(alert.Level), Lower(alert.Category), alert.Key, alert.Title, alert.Body, alert.Component, 1, alert.RaisedAt, null, Delivery);
            }

            _records.Add(record);
            if (_records.Count > capacity)
            {
                _records.RemoveAt(0);
            }
        }

        Stored?.Invoke(record);
    }

    public IReadOnlyList<AlertRecord> List(AlertFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_lock)
        {
            return [.. Enumerable.Reverse(_records)
                .Where(r => filter.Level is null || r.Level == Lower(filter.Level.Value))
                .Where(r => filter.Category is null || r.Category == Lower(filter.Category.Value))
                .Where(r => filter.Acknowledged is null || (r.AcknowledgedAt is not null) == filter.Acknowledged)
                .Take(Math.Max(0, filter.Limit))];
        }
    }

    public bool Acknowledge(string id, DateTimeOffset at)
    {
        lock (_lock)
        {
            var i = _records.FindIndex(r => r.Id == id);
            if (i < 0)
            {
                return false;
            }

            _records[i] = _records[i] with { AcknowledgedAt = _records[i].AcknowledgedAt ?? at };
            return true;
        }
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
