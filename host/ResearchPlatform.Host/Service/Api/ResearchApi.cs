using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Host.Commands.Evolution;
using ResearchPlatform.Host.Service.Alerts;
using ResearchPlatform.Host.Service.Components;
using ResearchPlatform.Host.Service.Decisions;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Host.Service.Views;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Host.Service.Api;

/// <summary>Read endpoints over stored research: evolution runs, decisions, alerts, plugins, rules.</summary>
internal static class ResearchApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/evolution/runs", (WorkspaceDb db, TimeProvider time, CancellationToken ct) => Db(db, d =>
        {
            var reader = new RunReader(d);
            return new EvolutionRunStore(d, time).List().Select(r => new
            {
                r.RunId, Status = EvolutionRunStore.Name(r.Status), StartedAt = r.CreatedAt, Generations = r.CompletedGenerations,
                BestFitness = reader.Generations(r.RunId) is { Count: > 0 } g ? g[^1].Stats.BestFitness : (double?)null, r.Population, r.Symbol, r.Interval,
            }).ToList();
        }, ct));
        app.MapGet("/api/evolution/runs/{id}", async (string id, WorkspaceDb db, TimeProvider time, CancellationToken ct) =>
        {
            var run = db.Exists ? await db.UseAsync(d => RunDetail(d, time, id), ct) : null;
            return run is null ? ApiResults.NotFound($"no evolution run '{id}'") : ApiResults.Json(run);
        });
        app.MapGet("/api/decisions", (string? status, string? limit, WorkspaceDb db, CancellationToken ct) =>
        {
            if (!ApiResults.TryLimit(limit, 50, out var n, out var error))
            {
                return Task.FromResult(error!);
            }

            if (status is not (null or "pending" or "all"))
            {
                return Task.FromResult(ApiResults.BadRequest($"field 'status': '{status}' is not pending or all"));
            }

            return Db(db, d => new DecisionStore(d).List(n, status == "pending").Select(DecisionView.Of).ToList(), ct);
        });
        app.MapGet("/api/alerts", (string? level, string? category, string? acknowledged, string? limit, IAlertQuery alerts) => Alerts(level, category, acknowledged, limit, alerts));
        app.MapGet("/api/plugins", (ServePlugins plugins) => ApiResults.Json(plugins.Views()));
        app.MapGet("/api/rules", (DecisionService decisions) => ApiResults.Json(decisions.RuleViews()));
    }

    private static object? RunDetail(Engine.Storage.ResearchDatabase d, TimeProvider time, string id)
    {
        var record = new EvolutionRunStore(d, time).Find(id);
        if (record is null)
        {
            return null;
        }

        var reader = new RunReader(d);
        var entries = reader.HallOfFame(id);
        return new
        {
            record.RunId, Status = EvolutionRunStore.Name(record.Status), StartedAt = record.CreatedAt,
            // the stored settings, as rp runs show reports them
            Objective = EvolutionRunStore.Name(record.Objective), record.Population, record.Seed, record.SeedTypes,
            Genetic = GeneticReport.From(record.Config.Evolution), Niching = NichingReport.From(record.Config.Evolution),
            Generations = reader.Generations(id).Select(g => new
            {
                g.Stats.Generation, g.Stats.BestFitness, g.Stats.MeanFitness, Diversity = g.Stats.Diversity.MeanGeneDistance,
                g.Stats.Evaluations, FailedEvaluations = g.Stats.Failures + g.Stats.Timeouts,
            }),
            HallOfFame = entries.Where(e => e.List == "hall_of_fame").Select(e => new
            {
                e.Rank, e.SeedType, Genes = Parse(e.GenesJson), e.Fitness, e.PluginVersion, Train = e.Train, OutOfSample = e.OutOfSample, HoldOut = e.Holdout,
            }),
            // One figure per run: the deflated Sharpe of the best individual against every distinct strategy tried (null until it completes).
            record.DeflatedSharpe,
            ParetoFront = entries.Where(e => e.List == "pareto_front").Select(e => new
            {
                Objectives = new { sharpe = e.Train.Sharpe, max_drawdown = e.Train.MaxDrawdown, total_return = e.Train.TotalReturn }, e.SeedType, Genes = Parse(e.GenesJson),
            }),
        };
    }

    private static IResult Alerts(string? level, string? category, string? acknowledged, string? limit, IAlertQuery alerts)
    {
        if (!ApiResults.TryLimit(limit, 100, out var n, out var error))
        {
            return error!;
        }

        AlertLevel? lv = null;
        if (level is not null)
        {
            if (!Enum.TryParse<AlertLevel>(level, ignoreCase: true, out var l) || int.TryParse(level, out _))
            {
                return ApiResults.BadRequest($"field 'level': '{level}' is not one of {string.Join(", ", Enum.GetNames<AlertLevel>()).ToLowerInvariant()}");
            }

            lv = l;
        }

        AlertCategory? cat = null;
        if (category is not null)
        {
            if (!Enum.TryParse<AlertCategory>(category, ignoreCase: true, out var c) || int.TryParse(category, out _))
            {
                return ApiResults.BadRequest($"field 'category': '{category}' is not one of {string.Join(", ", Enum.GetNames<AlertCategory>()).ToLowerInvariant()}");
            }

            cat = c;
        }

        bool? ack = acknowledged switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => (bool?)null,
        };
        return acknowledged is not (null or "true" or "false")
            ? ApiResults.BadRequest($"field 'acknowledged': '{acknowledged}' is not true or false")
            : ApiResults.Json(alerts.List(new AlertFilter(lv, cat, ack, n)));
    }

    private static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    private static async Task<IResult> Db<T>(WorkspaceDb db, Func<Engine.Storage.ResearchDatabase, T> read, CancellationToken ct)
    {
        if (!db.Exists)
        {
            return ApiResults.Json(Array.Empty<object>());
        }

        try
        {
            return ApiResults.Json(await db.UseAsync(read, ct));
        }
        catch (Exception ex) when (ex is IOException or DuckDB.NET.Data.DuckDBException)
        {
            return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, "workspace database busy or unreadable: " + ex.Message);
        }
    }
}
