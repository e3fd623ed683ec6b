using Microsoft.AspNetCore.Builder;
using ResearchPlatform.Host.Service.Components;
using ResearchPlatform.Host.Service.Trading;

namespace ResearchPlatform.Host.Service.Api;

/// <summary>
/// <c>GET /api/resilience</c>: every supervised component (state, restarts, last error, next start, recent errors),
/// disaster mode, the session, the restore outcome and the last snapshot written.
/// </summary>
internal static class ResilienceApi
{
    public static void Map(WebApplication app) =>
        app.MapGet("/api/resilience", (ResilienceComponent r, TradingRuntime rt) => ApiResults.Json(new
        {
            session = rt.Session,
            bar = rt.BarIndex,
            finished = rt.Finished,
            components = r.Supervised.Select(s => new
            {
                name = s.Name,
                state = s.StateName,
                restarts = s.Restarts,
                last_error = s.LastError,
                last_error_at = s.LastErrorAt,
                next_start_at = s.NextStartAt,
                recent_errors = s.RecentErrors,
            }),
            disaster_mode = r.Disaster,
            restore = rt.Restore,
            restored_from_bar = rt.RestoredFrom?.Bar,
            last_snapshot = r.LastSnapshot is { } snap ? new { reason = snap.Reason, bar = snap.Bar, taken_at = snap.TakenAt, path = rt.Settings.SnapshotPath } : null,
            risk_level = rt.Risk?.Level.ToString().ToLowerInvariant(),
            risk_floors = rt.Risk?.Floors.ToDictionary(f => f.Key, f => f.Value.ToString().ToLowerInvariant()),
        }));
}
