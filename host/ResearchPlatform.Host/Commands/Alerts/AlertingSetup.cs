using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Alerts.Channels;
using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Host.Commands.Alerts;

/// <summary>
/// Host-side wiring of the alert pipeline: reads <c>alerts.json</c> from the workspace (defaults: console + file), builds
/// the channels (secrets resolved here) and the <see cref="AlertService"/> over the workspace database. <c>rp serve</c>
/// uses <c>Create</c> and disposes the result at shutdown.
/// </summary>
public static class AlertingSetup
{
    /// <summary>Builds the service for <paramref name="config"/>; the caller owns (and disposes) the HttpClient.</summary>
    public static AlertService Create(AlertsConfig config, ResearchDatabase db, HttpClient http, TimeProvider? time = null, TextWriter? diagnostics = null)
    {
        var redactor = new SecretRedactor();
        var factory = new AlertChannelFactory(http, redactor, time ?? TimeProvider.System);
        return AlertService.Create(config, new AlertStore(db), factory, redactor, time, diagnostics ?? Console.Error);
    }

    /// <summary>
    /// The same over its own access to the database file: the alert service writes its history from its delivery
    /// threads, so it must not share a connection another thread is using (a DuckDB connection is single-threaded).
    /// </summary>
    public static AlertService Create(AlertsConfig config, DatabaseAccess access, HttpClient http, TimeProvider? time = null, TextWriter? diagnostics = null)
    {
        var redactor = new SecretRedactor();
        var factory = new AlertChannelFactory(http, redactor, time ?? TimeProvider.System);
        return AlertService.Create(config, new AlertStore(access), factory, redactor, time, diagnostics ?? Console.Error);
    }

    /// <summary>The workspace's configuration (<c>alerts.json</c>) or the defaults when it is absent.</summary>
    public static AlertsConfig Load(string workspaceRoot) => AlertsConfigLoader.LoadOrDefault(workspaceRoot);
}
