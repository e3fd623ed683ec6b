using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Service.Auth;
using ResearchPlatform.Host.Service.Evolution;
using ResearchPlatform.Host.Service.Trading;

namespace ResearchPlatform.Host.Service.Api;

/// <summary>
/// <c>POST /api/evolution/runs</c> (token): starts an evolution inside the service on the workspace's bars. Body (all
/// optional): <c>symbol</c>, <c>interval</c> (default: the replay's), <c>seed_types</c>, <c>population</c> (16),
/// <c>generations</c> (30), <c>objective</c> (composite | pareto), <c>time_budget_seconds</c>, <c>stagnation</c> (10),
/// <c>seed</c>, <c>folds</c> (3), <c>holdout</c> (0.2), <c>threads</c> (1), and every other <c>rp evolve</c> setting by its
/// snake_case name (<see cref="EvolutionRequest.Fields"/>, checked by the command's code). 202 with the run; 400 naming the
/// field (unknown fields too);
/// 409 when <see cref="ServeEvolution.MaxConcurrentRuns"/> runs are already going.
/// </summary>
internal static class EvolutionApi
{
    public static void Map(IEndpointRouteBuilder app, ServeToken token)
    {
        app.MapPost("/api/evolution/runs", StartAsync).AddEndpointFilter(async (context, next) =>
            token.Accepts(context.HttpContext.Request.Headers.Authorization.ToString())
                ? await next(context)
                : ApiResults.Error(StatusCodes.Status401Unauthorized, "missing or wrong bearer token (Authorization: Bearer <token from serve.token>)"));
    }

    private static async Task<IResult> StartAsync(HttpRequest request, ServeEvolution evolution, ServeSettings settings, CancellationToken ct)
    {
        JsonElement? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Any())
        {
            try
            {
                using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return ApiResults.BadRequest("body: must be a JSON object");
                }

                body = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                return ApiResults.BadRequest("body: invalid JSON: " + ex.Message);
            }
        }

        var (parsed, error) = EvolutionRequest.Parse(body, settings.ReplaySymbol, settings.ReplayInterval);
        if (parsed is null)
        {
            return ApiResults.BadRequest(error!);
        }

        try
        {
            var run = await evolution.StartAsync(parsed, ct);
            return Results.Json(
                new
                {
                    run.RunId, Status = "running", run.Symbol, run.Interval, Population = parsed.Population, Generations = parsed.Generations,
                    Objective = parsed.Objective == EvolutionObjective.Pareto ? "pareto" : "composite",
                },
                ApiJson.Options,
                statusCode: StatusCodes.Status202Accepted);
        }
        catch (BadInputException ex)
        {
            return ApiResults.BadRequest(ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return ApiResults.Error(StatusCodes.Status409Conflict, ex.Message);
        }
    }
}
