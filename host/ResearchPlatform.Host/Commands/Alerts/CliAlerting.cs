using System.CommandLine;
using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Commands.Alerts;

/// <summary>
/// The alerting of a CLI command that trades or evolves (<c>rp paper</c>, <c>rp evolve</c>, <c>rp evolve-risk</c>,
/// <c>rp decide</c>, <c>rp strategies apply</c>): the workspace's <c>alerts.json</c> channels (console on stderr + the
/// JSON-lines file by default) with the history in the command's own database, so <c>rp alerts list</c> shows the alerts
/// afterwards. <c>--no-alerts</c> silences it (<see cref="NullAlertPublisher"/>). Disposing waits (1 s at most, within the 2 s System.CommandLine allows after Ctrl+C)
/// until everything raised was stored and delivered, then stops the pipeline.
/// </summary>
internal sealed class CliAlerting : IAlertPublisher, IAsyncDisposable
{
    private static readonly TimeSpan DefaultFlushTimeout = TimeSpan.FromSeconds(1);
    private readonly AlertService? _service;
    private readonly TimeSpan _flushTimeout;
    private readonly HttpClient? _http;
    private readonly DatabaseAccess? _access;

    private CliAlerting(AlertService? service, HttpClient? http, DatabaseAccess? access = null, TimeSpan? flushTimeout = null)
    {
        _flushTimeout = flushTimeout ?? DefaultFlushTimeout;
        _access = access;
        _service = service;
        _http = http;
    }

    /// <summary>The publisher to hand to engines: the service, or <see cref="NullAlertPublisher"/> with <c>--no-alerts</c>.</summary>
    public IAlertPublisher Publisher => _service is null ? NullAlertPublisher.Instance : this;

    /// <summary>True when alerts are raised (no <c>--no-alerts</c>).</summary>
    public bool Enabled => _service is not null;

    /// <summary>The <c>--no-alerts</c> option.</summary>
    public static Option<bool> NoAlertsOption() => new("--no-alerts") { Description = "Raise no alerts (default: the workspace's alerts.json channels, console + file without it; history in DuckDB)" };

    /// <summary>
    /// Builds the pipeline over <paramref name="db"/> from the configuration in <paramref name="workspaceRoot"/>; a
    /// disabled one when <paramref name="disabled"/>. A bad <c>alerts.json</c> is bad input (exit 2). <paramref name="flushTimeout"/>:
    /// how long disposing may wait for delivery (default 1 s; longer only for a command given a longer Ctrl+C grace).
    /// </summary>
    public static CliAlerting Open(string workspaceRoot, ResearchDatabase db, bool disabled, TimeProvider? time = null, TimeSpan? flushTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (disabled)
        {
            return new CliAlerting(null, null);
        }

        AlertsConfig config;
        try
        {
            config = AlertingSetup.Load(workspaceRoot);
        }
        catch (AlertsConfigException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }

        var http = new HttpClient();
        var access = DatabaseAccess.PerCall(db.FilePath); // the delivery threads write history on their own connection
        try
        {
            return new CliAlerting(AlertingSetup.Create(config, access, http, time), http, access, flushTimeout);
        }
        catch (AlertsConfigException ex)
        {
            http.Dispose();
            access.Dispose();
            throw new BadInputException(ex.Message, ex);
        }
    }

    /// <summary>Opens for a command with the <c>--no-alerts</c> option and the common <c>--workspace</c>.</summary>
    public static CliAlerting Open(ParseResult parse, CommonOptions common, Option<bool> noAlerts, ResearchDatabase db)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(common);
        return Open(Workspace.Resolve(parse.GetValue(common.Workspace)).Root, db, parse.GetValue(noAlerts));
    }

    public void Publish(Alert alert) => _service?.Publish(alert);

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.FlushAsync(_flushTimeout, CancellationToken.None);
            await _service.DisposeAsync();
        }

        _http?.Dispose();
        _access?.Dispose();
    }
}
