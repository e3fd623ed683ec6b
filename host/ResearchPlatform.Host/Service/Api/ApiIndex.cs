namespace ResearchPlatform.Host.Service.Api;

/// <summary>The plain page served at <c>/</c> when no dashboard is installed in <c>wwwroot</c>.</summary>
internal static class ApiIndex
{
    public const string Text = """
        ResearchPlatform service (rp serve). No dashboard installed (wwwroot/index.html); the JSON API:

        GET  /api/health             health score, threshold, mode, live-trading verdict, every component
        GET  /api/components         component statuses
        GET  /api/connections        remote service pipelines: adapted timeouts, latency, failures, breaker
        GET  /api/operations         operation names and recorded figures
        GET  /api/portfolio          equity, cash, PnL, drawdown, equity curve
        GET  /api/positions          open positions: order manager vs venue account (matched | mismatch)
        GET  /api/orders?limit=N     orders, newest first
        GET  /api/fills?limit=N      fills, newest first
        GET  /api/risk               risk level, regime, Fear & Greed, active breakers, events
        GET  /api/strategies         strategy pool with paper metrics and equity curves
        GET  /api/evolution/runs     evolution runs; /api/evolution/runs/{id} for one run
        GET  /api/decisions?status=pending|all&limit=N
        GET  /api/alerts?level=&category=&acknowledged=&limit=N
        GET  /api/plugins            plugins with version and status
        GET  /api/rules              decision rule files and compile status
        GET  /api/stream             Server-Sent Events: snapshot (1 s), alert, decision, order, component
        GET  /metrics                Prometheus text format

        Control (Authorization: Bearer <token in <workspace>/serve.token>):
        POST /api/strategies/{id}/start | /stop
        POST /api/decisions/{id}/approve | /reject   {"reason": "..."}
        POST /api/alerts/{id}/ack
        POST /api/emergency-stop                     {"confirm": true}
        POST /api/positions/sync                     adopt the venue's positions where they differ
        POST /api/operations/{name}                  {"arg": "value", ...}

        """;
}
