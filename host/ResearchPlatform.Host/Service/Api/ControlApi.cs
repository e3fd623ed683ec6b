using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Alerts;
using ResearchPlatform.Host.Service.Auth;
using ResearchPlatform.Host.Service.Trading;

namespace ResearchPlatform.Host.Service.Api;

/// <summary>Control endpoints (POST): every one requires <c>Authorization: Bearer &lt;serve.token&gt;</c>, else 401.</summary>
internal static class ControlApi
{
    public static void Map(IEndpointRouteBuilder app, ServeToken token)
    {
        var control = app.MapGroup("/api").AddEndpointFilter(async (context, next) =>
            token.Accepts(context.HttpContext.Request.Headers.Authorization.ToString())
                ? await next(context)
                : ApiResults.Error(StatusCodes.Status401Unauthorized, "missing or wrong bearer token (Authorization: Bearer <token from serve.token>)"));
        control.MapPost("/strategies/{id}/start", (string id, TradingRuntime rt) => SetRunning(rt, id, true));
        control.MapPost("/strategies/{id}/stop", (string id, TradingRuntime rt) => SetRunning(rt, id, false));
        control.MapPost("/decisions/{id}/approve", (string id, HttpRequest request, WorkspaceDb db, CancellationToken ct) => VerdictAsync(id, true, request, db, ct));
        control.MapPost("/decisions/{id}/reject", (string id, HttpRequest request, WorkspaceDb db, CancellationToken ct) => VerdictAsync(id, false, request, db, ct));
        control.MapPost("/alerts/{id}/ack", (string id, IAlertQuery alerts, TimeProvider time) =>
            alerts.Acknowledge(id, time.GetUtcNow()) ? ApiResults.Json(new { id, acknowledged = true }) : ApiResults.NotFound($"no alert '{id}'"));
        control.MapPost("/emergency-stop", EmergencyStopAsync);
        control.MapPost("/positions/sync", (TradingRuntime rt, PositionReconciliation recon, CancellationToken ct) =>
            TradingApi.ReadAsync(rt, async () => new { Synced = await recon.SyncAsync(rt, ct), Positions = await recon.CheckAsync(rt, ct) }, ct));
        control.MapPost("/operations/{name}", OperationAsync);
    }

    private static IResult SetRunning(TradingRuntime rt, string id, bool running) =>
        rt.SetRunning(id, running) ? ApiResults.Json(new { id, running }) : ApiResults.NotFound($"no strategy '{id}'");

    private static async Task<IResult> VerdictAsync(string id, bool approve, HttpRequest request, WorkspaceDb db, CancellationToken ct)
    {
        var (body, error) = await ReadBodyAsync(request, ct);
        if (error is not null)
        {
            return error;
        }

        string? reason = null;
        if (body is { } b && b.TryGetProperty("reason", out var r))
        {
            if (r.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return ApiResults.BadRequest("field 'reason': must be a string");
            }

            reason = r.GetString();
        }

        if (!db.Exists)
        {
            return ApiResults.NotFound($"no decision '{id}'");
        }

        var (problem, exists) = await db.UseAsync(d =>
        {
            var store = new DecisionStore(d);
            return store.Get(id) is null ? (null, false) : (store.SetVerdict(id, approve, reason), true);
        }, ct);
        return !exists ? ApiResults.NotFound($"no decision '{id}'")
            : problem is not null ? ApiResults.Error(StatusCodes.Status409Conflict, problem)
            : ApiResults.Json(new { id, status = approve ? "approved" : "rejected", reason });
    }

    private static async Task<IResult> EmergencyStopAsync(HttpRequest request, TradingSystemManager manager, TradingRuntime rt, CancellationToken ct)
    {
        var (body, error) = await ReadBodyAsync(request, ct);
        if (error is not null)
        {
            return error;
        }

        if (body is not { } b || !b.TryGetProperty("confirm", out var c) || c.ValueKind != JsonValueKind.True)
        {
            return ApiResults.BadRequest("field 'confirm': must be true");
        }

        var reason = "emergency stop requested through the API";
        var cancelled = await rt.HaltAsync(reason, ct);
        manager.Halt(reason);
        manager.Report("order_manager", ComponentHealth.Degraded("trading halted: emergency stop"));
        return ApiResults.Json(new { halted = true, cancelled_orders = cancelled });
    }

    private static async Task<IResult> OperationAsync(string name, HttpRequest request, TradingSystemManager manager, CancellationToken ct)
    {
        if (!manager.OperationNames.Contains(name))
        {
            return ApiResults.NotFound($"no operation '{name}' (known: {string.Join(", ", manager.OperationNames)})");
        }

        var (body, error) = await ReadBodyAsync(request, ct);
        if (error is not null)
        {
            return error;
        }

        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body is { ValueKind: JsonValueKind.Object } o)
        {
            foreach (var p in o.EnumerateObject())
            {
                args[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }
        }

        return ApiResults.Json(await manager.ExecuteOperationAsync(name, args, ct));
    }

    /// <summary>An optional JSON object body; a malformed one is a 400 naming the problem.</summary>
    private static async Task<(JsonElement? Body, IResult? Error)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is 0 or null && !request.Headers.TransferEncoding.Any())
        {
            return (null, null);
        }

        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? (doc.RootElement.Clone(), null)
                : (null, ApiResults.BadRequest("body: must be a JSON object"));
        }
        catch (JsonException ex)
        {
            return (null, ApiResults.BadRequest("body: invalid JSON: " + ex.Message));
        }
    }
}
