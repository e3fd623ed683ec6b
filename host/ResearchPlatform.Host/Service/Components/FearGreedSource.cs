using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Host.Service.Views;

namespace ResearchPlatform.Host.Service.Components;

/// <summary>The Fear &amp; Greed data client of the service: the latest reading stored in the workspace (no network).</summary>
internal static class FearGreedSource
{
    /// <summary>Readings older than this (against the replay clock, or now) are stale.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(2);

    public static async Task<ComponentHealth> LoadAsync(WorkspaceDb db, TradingRuntime runtime, TimeProvider time, CancellationToken ct)
    {
        if (!db.Exists)
        {
            return ComponentHealth.Degraded("no workspace database: no Fear & Greed data (rp data import-fear-greed FILE)");
        }

        var latest = await db.UseAsync(d =>
        {
            using var cmd = d.Connection.Prepare("SELECT date, value, classification FROM fear_greed ORDER BY date DESC LIMIT 1");
            using var r = cmd.ExecuteReader();
            return r.Read() ? (ToDate(r.GetValue(0)), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), r.IsDBNull(2) ? "unknown" : r.GetString(2)) : ((DateTimeOffset, int, string)?)null;
        }, ct);
        if (latest is not { } l)
        {
            return ComponentHealth.Degraded("no Fear & Greed readings in the workspace (rp data import-fear-greed FILE)");
        }

        var now = runtime.Bars is { } b ? b.TimeAt(b.Count - 1) : time.GetUtcNow();
        var stale = now - l.Item1 > StaleAfter;
        runtime.FearGreed = new FearGreedView(l.Item2, l.Item3, l.Item1, stale);
        return stale
            ? ComponentHealth.Degraded($"latest Fear & Greed reading is from {l.Item1:yyyy-MM-dd} (stale)")
            : ComponentHealth.Connected with { Reason = $"latest reading {l.Item2} ({l.Item3}) on {l.Item1:yyyy-MM-dd}" };
    }

    private static DateTimeOffset ToDate(object value) => value switch
    {
        DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        DateTimeOffset o => o,
        _ => DateTimeOffset.Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, System.Globalization.CultureInfo.InvariantCulture),
    };
}
