using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Evaluation;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Evolution;
using ResearchPlatform.Host.Service.Events;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Service.Evolution;

/// <summary>
/// Runs evolutions inside <c>rp serve</c> (started by <c>POST /api/evolution/runs</c>): the Engine's evolution engine on
/// the workspace's stored bars, every generation stored as a run of the workspace (so <c>rp runs</c> and
/// <c>/api/evolution/runs</c> see it, and <c>rp evolve --resume</c> can continue it) and pushed as an <c>evolution</c>
/// event. Runs are cancelled (status stopped, resumable) when the service stops.
/// </summary>
internal sealed class ServeEvolution(ServeSettings settings, WorkspaceDb db, EventHub hub, TimeProvider time, ILogger<ServeEvolution> log) : IAsyncDisposable
{
    /// <summary>Runs at once; more would take the cores the paper engine and the API need.</summary>
    public const int MaxConcurrentRuns = 2;

    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<LoadedSeedType>> _seeds = new(() => EvolveInputs.LoadSeedTypes(e => log.LogWarning("{Error}", e), settings.PluginsFolder));

    /// <summary>Ids of the runs this service is evaluating now.</summary>
    public IReadOnlyCollection<string> Running => [.. _running.Keys];

    /// <summary>
    /// Creates the run (bars, seed types and options checked first: <see cref="BadInputException"/> naming the problem)
    /// and starts it in the background; returns its stored record.
    /// </summary>
    public async Task<EvolutionRunRecord> StartAsync(EvolutionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_running.Count >= MaxConcurrentRuns)
        {
            throw new InvalidOperationException($"{_running.Count} evolution runs are already running ({string.Join(", ", _running.Keys)}); at most {MaxConcurrentRuns} at once");
        }

        if (!db.Exists)
        {
            throw new BadInputException($"field 'symbol': the workspace has no database yet (import bars with: rp data import FILE --symbol {request.Symbol} --interval {request.Interval})");
        }

        var seeds = EvolveInputs.SelectSeeds(_seeds.Value, request.SeedTypes, EvolutionRequest.Label("--seed-types"));
        if (!BarInterval.TryParse(request.Interval, out var interval, out var intervalError))
        {
            throw new BadInputException("field 'interval': " + intervalError);
        }

        var options = request.ToEvolutionOptions([.. seeds.Select(s => s.Seed.Id)]);
        var walkForward = request.ToWalkForward();
        var errors = options.Validate().Concat(walkForward.Validate()).ToList();
        if (errors.Count > 0)
        {
            throw new BadInputException(string.Join("; ", errors));
        }

        var backtest = new BacktestOptions();
        var (run, problem, evaluator) = await db.UseAsync(d =>
        {
            var bars = new BarStore(d).Load(request.Symbol, interval);
            if (bars.Count == 0)
            {
                throw new BadInputException($"field 'symbol': no {request.Symbol} {interval} bars in the workspace (import them with: rp data import FILE --symbol {request.Symbol} --interval {interval})");
            }

            var (p, e) = EvolveInputs.ValidatedProblem(bars, seeds, options, walkForward, backtest);

            var store = new EvolutionRunStore(d, time);
            var r = store.Create(
                store.NextRunId(), bars.Symbol, bars.Interval.Code, EvolveInputs.WorkspaceSource, p.DatasetKey, p.CostModelKey, bars.Count,
                seeds.Select(s => new SeedTypeRef(s.Seed.Id, s.VersionTag)).ToList(), new EvolutionRunConfig(options, walkForward, backtest));
            store.SetStatus(r.RunId, EvolutionRunStatus.Running);
            return (r, p, e);
        }, ct);
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("evolution run {Run} started: {Symbol} {Interval}, population {Population} x {Generations} generations, {Objective}", run.RunId, run.Symbol, run.Interval, options.PopulationSize, options.Generations, options.Objective);
        }

        _running[run.RunId] = Task.Run(() => RunAsync(run, problem, evaluator, options, _stopping.Token), CancellationToken.None);
        return run;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Values).WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(EvolutionRunRecord run, EvolutionProblem problem, BacktestFitnessEvaluator evaluator, EvolutionOptions options, CancellationToken ct)
    {
        var status = EvolutionRunStatus.Failed;
        try
        {
            var observer = new LiveEvolutionObserver(db, hub, time, run.RunId, problem.SeedTypes);
            var result = await new EvolutionEngine(evaluator, time).RunAsync(problem, options, observer, ct);
            await db.UseAsync(d =>
            {
                new GenerationWriter(d, time, problem.SeedTypes).WriteResult(run.RunId, result);
                return 0;
            }, CancellationToken.None);
            status = EvolutionRunStatus.Completed;
            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("evolution run {Run} completed after {Generations} generation(s)", run.RunId, result.Generations.Count);
            }

        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            status = EvolutionRunStatus.Stopped;
            await SetStatusAsync(run.RunId, status);
        }
        catch (Exception ex)
        {
            log.LogError("evolution run {Run} failed: {Error}", run.RunId, ex.Message);
            await SetStatusAsync(run.RunId, status);
        }
        finally
        {
            _running.TryRemove(run.RunId, out _);
            hub.Publish("evolution", new { RunId = run.RunId, Status = EvolutionRunStore.Name(status), SentAt = time.GetUtcNow() });
        }
    }

    private async Task SetStatusAsync(string runId, EvolutionRunStatus status)
    {
        try
        {
            await db.UseAsync(d =>
            {
                new EvolutionRunStore(d, time).SetStatus(runId, status);
                return 0;
            }, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or DuckDB.NET.Data.DuckDBException)
        {
            log.LogError("evolution run {Run}: could not record status {Status}: {Error}", runId, status, ex.Message);
        }
    }
}
