using System.Collections.Concurrent;
using System.Globalization;
using ResearchPlatform.Cluster.Contracts;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution.Evaluation;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Persistence;

namespace ResearchPlatform.Cluster.Silo;

/// <summary>
/// The silo's side of distributed evaluation (one per silo): dataset cache, evaluators per (dataset, cost model),
/// dedicated evaluation threads and counters. Batches run through <see cref="BacktestFitnessEvaluator"/>, the very code
/// local evaluation uses, with one thread per batch (results do not depend on the thread count).
/// </summary>
internal sealed class SiloEvaluationService : IDisposable
{
    private readonly SiloSeedTypes _seeds;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly ConcurrentDictionary<string, Lazy<BacktestFitnessEvaluator>> _evaluators = new(StringComparer.Ordinal);

    public SiloEvaluationService(SiloSeedTypes seeds, ClusterSiloOptions options, string siloAddress, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _seeds = seeds;
        _time = time;
        _started = time.GetTimestamp();
        SiloAddress = siloAddress;
        Executor = new EvaluationExecutor(options.EvaluationThreads);
        Datasets = new DatasetCache(options.DatasetCacheCapacity);
    }

    /// <summary>This silo's address.</summary>
    public string SiloAddress { get; }

    /// <summary>The silo's datasets.</summary>
    public DatasetCache Datasets { get; }

    /// <summary>The evaluation threads.</summary>
    public EvaluationExecutor Executor { get; }

    /// <summary>The work counters.</summary>
    public SiloWorkCounters Counters { get; } = new();

    /// <summary>Stores a dataset sent by a client.</summary>
    public string LoadDataset(DatasetPayload payload)
    {
        if (Datasets.Add(payload))
        {
            Counters.AddDatasetLoad();
        }

        return SiloAddress;
    }

    /// <summary>Evaluates a batch on the evaluation threads.</summary>
    public async Task<EvaluationBatchResponse> EvaluateAsync(EvaluationBatchRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Datasets.TryGet(request.Dataset.Key, out var bars))
        {
            return new EvaluationBatchResponse(true, SiloAddress, Executor.Threads, [], 0, null);
        }

        var problem = CheckSeeds(request);
        if (problem is not null)
        {
            return new EvaluationBatchResponse(false, SiloAddress, Executor.Threads, [], 0, problem);
        }

        BacktestFitnessEvaluator evaluator;
        try
        {
            evaluator = EvaluatorFor(request, bars);
        }
        catch (InvalidDataException ex)
        {
            return new EvaluationBatchResponse(false, SiloAddress, Executor.Threads, [], 0, ex.Message);
        }

        var plan = new EvaluationPlan(request.Dataset.Key, request.CostModelKey, [.. request.Windows.Select(DtoMapping.FromDto)], EvaluationPurpose.Generation, 1);
        var individuals = request.Individuals.Select(DtoMapping.FromDto).ToList();
        using var scope = Counters.Enter();
        var (results, busy) = await Executor.RunAsync(
            () =>
            {
                var t0 = _time.GetTimestamp();
                var r = evaluator.EvaluateAsync(individuals, plan, ct).AsTask().GetAwaiter().GetResult();
                return (r, _time.GetElapsedTime(t0));
            },
            ct);
        Counters.AddBatch(individuals.Count, busy);
        return new EvaluationBatchResponse(false, SiloAddress, Executor.Threads, [.. results.Select(DtoMapping.ToDto)], busy.TotalSeconds, null);
    }

    /// <summary>The silo's counters.</summary>
    public SiloWorkerStatus Status()
    {
        var uptime = _time.GetElapsedTime(_started).TotalSeconds;
        var busy = Counters.Busy.TotalSeconds;
        var evals = Counters.Evaluations;
        return new SiloWorkerStatus(
            SiloAddress,
            Environment.MachineName,
            Executor.Threads,
            evals,
            Counters.Batches,
            busy,
            uptime,
            busy > 0 ? evals / busy * Executor.Threads : 0,
            uptime > 0 ? 100.0 * busy / (uptime * Executor.Threads) : 0,
            Counters.InFlight,
            Datasets.Count,
            Counters.DatasetLoads,
            [.. _seeds.Seeds.Select(s => s.Seed.Id + "@" + s.Version)]);
    }

    /// <inheritdoc />
    public void Dispose() => Executor.Dispose();

    private string? CheckSeeds(EvaluationBatchRequest request)
    {
        foreach (var (id, version) in request.Individuals.Select(i => (i.SeedTypeId, i.PluginVersion)).Distinct())
        {
            if (!_seeds.ById.TryGetValue(id, out var loaded))
            {
                return $"silo {SiloAddress} has no seed type '{id}' (loaded: {string.Join(", ", _seeds.Seeds.Select(s => s.Seed.Id))}); give every machine the same plugins";
            }

            if (loaded.Version != version)
            {
                return $"silo {SiloAddress} has seed type '{id}' {loaded.Version}, the run needs {version}; give every machine the same build and plugins";
            }
        }

        return null;
    }

    private BacktestFitnessEvaluator EvaluatorFor(EvaluationBatchRequest request, Sdk.Data.BarSeries bars)
    {
        var key = request.Dataset.Key + "|" + request.BacktestOptionsJson;
        var evaluator = _evaluators.GetOrAdd(key, _ => new Lazy<BacktestFitnessEvaluator>(() =>
        {
            var options = PersistenceJson.Read<BacktestOptions>(request.BacktestOptionsJson, "backtest options");
            var costKey = BacktestFitnessEvaluator.CostModelKey(options);
            if (costKey != request.CostModelKey)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"silo {SiloAddress}: the backtest options decode to cost model '{costKey}', the run uses '{request.CostModelKey}'"));
            }

            return new BacktestFitnessEvaluator(bars, _seeds.Seeds.Select(s => s.Seed), options);
        }));
        try
        {
            return evaluator.Value;
        }
        catch (InvalidDataException)
        {
            _evaluators.TryRemove(key, out _);
            throw;
        }
    }
}
