using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ResearchPlatform.Host.Connections;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Alerts;
using ResearchPlatform.Host.Service.Monitoring;
using ResearchPlatform.Host.Service.Trading;

namespace ResearchPlatform.Host.Service.Api;

/// <summary>
/// <c>GET /metrics</c>: Prometheus text format: the latest monitoring snapshot and the alert counters rendered by
/// <see cref="Engine.Monitoring.PrometheusRenderer"/> (system, evolution, trading, <c>rp_component_up</c>, alerts), then the service's own
/// families (health, portfolio, operations, connections).
/// </summary>
internal static class MetricsApi
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/metrics", async (TradingSystemManager m, TradingRuntime rt, ServeSettings settings, LiveTrading live, RetailConnectionOptimizer o, ServeMonitoring monitoring, ServeAlerts alerts, CancellationToken ct) =>
    {
        var sb = new StringBuilder(Engine.Monitoring.PrometheusRenderer.Render(monitoring.Latest, alerts.Service.Counters));
        var h = m.Health();
        Gauge(sb, "rp_health_score", "connected / total components", h.HealthScore);
        Gauge(sb, "rp_healthy", "1 when the health score reaches the threshold", h.Healthy ? 1 : 0);
        Gauge(sb, "rp_live_trading_blocked", "1 when live trading is blocked", h.LiveTradingBlocked ? 1 : 0);
        sb.Append("# TYPE rp_component_connected gauge\n");
        foreach (var c in h.Components)
        {
            sb.Append(CultureInfo.InvariantCulture, $"rp_component_connected{{component=\"{c.Name}\",status=\"{TradingSystemManager.Upper(c.Status)}\"}} {(c.Status == ComponentStatus.Connected ? 1 : 0)}\n");
        }

        Gauge(sb, "rp_risk_events_stored", "risk events stored in DuckDB by this service", rt.RiskEventsStored);

        await rt.Gate.WaitAsync(ct);
        try
        {
            var p = settings.Live is null ? TradingViews.Portfolio(rt, withCurve: false) : LiveViews.Portfolio(live, settings, live.Slots.Count, withCurve: false);
            Gauge(sb, "rp_equity", settings.Live is null ? "paper portfolio equity" : "live portfolio equity (the live books)", p.Equity);
            Gauge(sb, "rp_drawdown_pct", "drawdown from the peak, percent", p.DrawdownPct);
            Gauge(sb, "rp_bars_replayed", "bars replayed by the paper engine", p.BarsReplayed);
        }
        finally
        {
            rt.Gate.Release();
        }

        sb.Append("# TYPE rp_operation_total counter\n# TYPE rp_operation_failures_total counter\n");
        foreach (var s in m.OperationStatistics())
        {
            sb.Append(CultureInfo.InvariantCulture, $"rp_operation_total{{operation=\"{s.Operation}\"}} {s.Count}\nrp_operation_failures_total{{operation=\"{s.Operation}\"}} {s.Failures}\n");
        }

        sb.Append("# TYPE rp_connection_timeout_ms gauge\n");
        foreach (var s in o.Snapshot().Services)
        {
            sb.Append(CultureInfo.InvariantCulture, $"rp_connection_timeout_ms{{service=\"{s.Service}\"}} {s.TimeoutMs}\n");
        }

        return Results.Text(sb.ToString(), Engine.Monitoring.PrometheusRenderer.ContentType);
    });

    private static void Gauge(StringBuilder sb, string name, string help, double value) =>
        sb.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n");
}
