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
        control.MapPost("/strategies/{id}/start", (string id, TradingRuntime rt, ServeSettings settings, LiveTrading live, CancellationToken ct) => settings.Live is null ? SetRunningAsync(rt, id, true, ct) : SetLiveRunningAsync(live, id, true));
        control.MapPost("/strategies/{id}/stop", (string id, TradingRuntime rt, ServeSettings settings, LiveTrading live, CancellationToken ct) => settings.Live is null ? SetRunningAsync(rt, id, false, ct) : SetLiveRunningAsync(live, id, false));
        control.MapPost("/decisions/{id}/approve", (string id, HttpRequest request, WorkspaceDb db, CancellationToken ct) => VerdictAsync(id, true, request, db, ct));
        control.MapPost("/decisions/{id}/reject", (string id, HttpRequest request, WorkspaceDb db, CancellationToken ct) => VerdictAsync(id, false, request, db, ct));
        control.MapPost("/alerts/{id}/ack", (string id, IAlertQuery alerts, TimeProvider time) =>
            alerts.Acknowledge(id, time.GetUtcNow()) ? ApiResults.Json(new { id, acknowledged = true }) : ApiResults.NotFound($"no alert '{id}'"));
        control.MapPost("/emergency-stop", EmergencyStopAsync);
        control.MapPost("/resume", ResumeAsync);
        control.MapPost("/positions/sync", (TradingRuntime rt, PositionReconciliation recon, CancellationToken ct) => UnlessRestoringAsync(() =>
            TradingApi.ReadAsync(rt, async () => new { Synced = await recon.SyncAsync(rt, ct), Positions = await recon.CheckAsync(rt, ct) }, ct)));
        control.MapPost("/operations/{name}", OperationAsync);
    }

    /// <summary>Live mode: stopping cancels the strategy's open orders at the venue (position kept); starting resumes it from its journal.</summary>
    private static async Task<IResult> SetLiveRunningAsync(LiveTrading live, string id, bool running) =>
        await live.SetRunningAsync(id, running) is { } cancelled ? ApiResults.Json(new { id, running, cancelled_orders = cancelled, position = "kept" }) : ApiResults.NotFound($"no live strategy '{id}'");

    private static Task<IResult> SetRunningAsync(TradingRuntime rt, string id, bool running, CancellationToken ct) => UnlessRestoringAsync(async () =>
        await rt.Controls.SetRunningAsync(rt, id, running, ct) ? ApiResults.Json(new { id, running }) : ApiResults.NotFound($"no strategy '{id}'"));

    /// <summary>A control refused while a restored session re-runs its bars is a 409 (the restore re-applies recorded controls).</summary>
    private static async Task<IResult> UnlessRestoringAsync(Func<Task<IResult>> control)
    {
        try
        {
            return await control();
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("being restored", StringComparison.Ordinal))
        {
            return ApiResults.Error(StatusCodes.Status409Conflict, ex.Message);
        }
    }

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

    /// <summary>Emergency stop (the manager is halted through the runtime's controls, see ServeComponents).</summary>
    private static async Task<IResult> EmergencyStopAsync(HttpRequest request, TradingRuntime rt, ServeSettings settings, LiveTrading live, CancellationToken ct)
    {
        const string reason = "emergency stop requested through the API";
        var error = await ConfirmedAsync(request, ct);
        return error ?? await UnlessRestoringAsync(async () =>
        {
            var cancelled = await rt.Controls.HaltAsync(rt, reason, ct) + (settings.Live is null ? 0 : await live.HaltAsync(reason));
            return ApiResults.Json(new { halted = true, cancelled_orders = cancelled });
        });
    }

    /// <summary>Resumes trading after an emergency stop (an operator's explicit decision; it survives a restart).</summary>
    private static async Task<IResult> ResumeAsync(HttpRequest request, TradingRuntime rt, ServeSettings settings, LiveTrading live, CancellationToken ct)
    {
        var error = await ConfirmedAsync(request, ct);
        return error ?? await UnlessRestoringAsync(async () =>
        {
            if (!await rt.Controls.ResumeAsync(rt, ct))
            {
                return ApiResults.Error(StatusCodes.Status409Conflict, "trading is not halted");
            }

            if (settings.Live is not null)
            {
                await live.ResumeAsync();
            }

            return ApiResults.Json(new { halted = false });
        });
    }

    /// <summary>Null when the body is <c>{"confirm": true}</c>, else the 400 to answer.</summary>
    private static async Task<IResult?> ConfirmedAsync(HttpRequest request, CancellationToken ct)
    {
        var (body, error) = await ReadBodyAsync(request, ct);
        return error ?? (body is { } b && b.TryGetProperty("confirm", out var c) && c.ValueKind == JsonValueKind.True ? null : ApiResults.BadRequest("field 'confirm': must be true"));
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
