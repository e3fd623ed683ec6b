using System.Collections.Concurrent;
using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Alerts.Channels;
using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Alerts;
using EngineFilter = ResearchPlatform.Engine.Alerts.AlertFilter;

namespace ResearchPlatform.Host.Service.Alerts;

/// <summary>
/// The alerting of <c>rp serve</c>: the Engine's <see cref="AlertService"/> (channels from the workspace's
/// <c>alerts.json</c>, console + file by default; throttling, retries, escalation) with its history in the workspace
/// DuckDB, opened on demand and closed when idle so other <c>rp</c> commands can use the workspace while the service runs. It is the service's
/// <see cref="IAlertPublisher"/> and, for <c>/api/alerts</c>, its <see cref="IAlertQuery"/>: listing reads the history,
/// acknowledging records it in DuckDB and stops the alert's escalation.
/// </summary>
internal sealed class ServeAlerts : IAlertPublisher, IAlertQuery, IAsyncDisposable
{
    /// <summary>Who an acknowledgement through the API is recorded as.</summary>
    public const string ApiUser = "api";

    private readonly HttpClient _http;
    private readonly DatabaseAccess _access;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _disposed;

    /// <summary>
    /// How long stopping waits for queued deliveries (and each channel worker) before leaving them <c>queued</c> in DuckDB,
    /// from where the next start resends them: System.CommandLine ends the process 2 s after SIGTERM.
    /// </summary>
    public static readonly TimeSpan StopBudget = TimeSpan.FromMilliseconds(500);

    public ServeAlerts(AlertsConfig config, string databasePath, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(config);
        config = config with { ShutdownGrace = config.ShutdownGrace < StopBudget ? config.ShutdownGrace : StopBudget };
        _http = new HttpClient();
        var redactor = new SecretRedactor();
        var factory = new AlertChannelFactory(_http, redactor, time);
        _access = DatabaseAccess.PerCall(databasePath);
        Service = AlertService.Create(config, new AlertStore(_access), factory, redactor, time, Console.Error);
    }

    public event Action<AlertRecord>? Stored;

    /// <summary>The pipeline (counters for <c>/metrics</c>, channel names).</summary>
    public AlertService Service { get; }

    public void Publish(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var id = Service.PublishAndGetId(alert);
        if (id.Length == 0) return; // dropped: the history queue was full (counted in rp_alerts_dropped_total)
        var count = _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
        Stored?.Invoke(new AlertRecord(id, Lower(alert.Level), Lower(alert.Category), alert.Key, alert.Title, alert.Body,
            alert.Component, count, alert.RaisedAt, null, Service.ChannelNames.ToDictionary(c => c, _ => "queued", StringComparer.Ordinal)));
    }

    public IReadOnlyList<AlertRecord> List(AlertFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var limit = Math.Max(0, filter.Limit);
        var exact = filter.Level is not null || filter.Acknowledged == true;

        // The store filters by minimum level and unacknowledged; an exact level or "acknowledged only" is applied here
        // over a wider page.
        var rows = Service.List(new EngineFilter(filter.Level, filter.Category, filter.Acknowledged == false, exact ? Math.Max(limit * 10, 1000) : limit));
        return [.. rows
            .Where(a => filter.Level is null || a.Level == filter.Level)
            .Where(a => filter.Acknowledged != true || a.AcknowledgedAt is not null)
            .Take(limit)
            .Select(ToRecord)];
    }

    public bool Acknowledge(string id, DateTimeOffset at)
    {
        var problem = Service.Acknowledge(id, ApiUser);
        return problem is null || Service.Get(id) is not null;
    }

    /// <summary>Flushes and stops the pipeline once (DI holds this instance under three registrations).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Service.FlushAsync(StopBudget, CancellationToken.None);
        await Service.DisposeAsync();
        _http.Dispose();
        _access.Dispose();
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static AlertRecord ToRecord(StoredAlert a) => new(
        a.Id, Lower(a.Level), Lower(a.Category), a.Key, a.Title, a.Body, a.Component, a.Count, a.CreatedAt, a.AcknowledgedAt,
        a.Deliveries.GroupBy(d => d.Stage == 0 ? d.Channel : $"{d.Channel}#{d.Stage}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Status, StringComparer.Ordinal));
}
