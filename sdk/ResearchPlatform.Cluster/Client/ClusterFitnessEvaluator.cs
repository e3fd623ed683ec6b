using System.Globalization;
using Polly;
using ResearchPlatform.Cluster.Contracts;
using ResearchPlatform.Cluster.Data;
using ResearchPlatform.Cluster.Grains;
using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution.Distribution;
using ResearchPlatform.Engine.Evolution.Evaluation;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Genome;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Cluster.Client;

/// <summary>
/// Evaluates batches on an Orleans cluster: the batch is cut into chunks sized to keep every silo core busy, each chunk
/// runs on a free evaluation slot (one grain per silo core, placed on its silo with a placement hint), the dataset goes
/// to each silo once as content-hashed Arrow IPC, and results are placed back by index. A chunk whose silo fails or
/// exceeds the batch timeout is resubmitted to a survivor (Polly retry, bounded attempts); what the cluster cannot do
/// is evaluated locally by the same evaluator the host would use, or fails with a clear message. Silos run the very
/// same <see cref="BacktestFitnessEvaluator"/>, so results are bit-identical to local evaluation.
/// </summary>
internal sealed class ClusterFitnessEvaluator : IFitnessEvaluator, IDistributedEvaluator
{
    private readonly IClusterClient _client;
    private readonly IFitnessEvaluator _local;
    private readonly ClusterEvaluatorOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<string> _log;
    private readonly Lazy<DatasetPayload> _payload;
    private readonly string _backtestJson;
    private readonly string _costKey;
    private readonly ResiliencePipeline _callTimeout;
    private readonly Lock _gate = new();
    private EvaluationDistribution? _pending;
    private int _call;

    public ClusterFitnessEvaluator(
        IClusterClient client, BarSeries bars, BacktestOptions backtest, IFitnessEvaluator local, ClusterEvaluatorOptions options, TimeProvider time, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(backtest);
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        _client = client;
        _local = local;
        _options = options;
        _time = time;
        _log = log ?? (_ => { });
        _payload = new Lazy<DatasetPayload>(() => ArrowBarCodec.Encode(bars));
        _backtestJson = PersistenceJson.Write(backtest);
        _costKey = BacktestFitnessEvaluator.CostModelKey(backtest);
        _callTimeout = new ResiliencePipelineBuilder().AddTimeout(options.BatchTimeout).Build();
        Topology = new ClusterTopology(client, options.BatchTimeout);
    }

    /// <summary>The client's view of the silos (datasets sent, failed silos).</summary>
    public ClusterTopology Topology { get; }

    /// <inheritdoc />
    public EvaluationDistribution? TakeDistribution()
    {
        lock (_gate)
        {
            var d = _pending;
            _pending = null;
            return d;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<IndividualEvaluation>> EvaluateAsync(IReadOnlyList<Individual> batch, EvaluationPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(plan);
        if (batch.Count == 0)
        {
            return [];
        }

        var started = _time.GetTimestamp();
        var call = Interlocked.Increment(ref _call);
        var tally = new CallTally();
        var results = new IndividualEvaluation[batch.Count];
        var silos = await Topology.LiveSilosAsync(ct);
        var chunks = Chunk(batch.Count, silos.Sum(s => s.Cores));
        var leftover = new List<(int Start, int Count)>();
        if (silos.Count == 0)
        {
            leftover.Add((0, batch.Count));
            _log("cluster: no active silo");
        }
        else
        {
            var board = new SlotBoard(silos);
            var windows = plan.Windows.Select(DtoMapping.ToDto).ToArray();
            var done = await Task.WhenAll(chunks.Select((c, i) => RunChunkAsync(board, batch, c, windows, results, tally, $"{call}/{i}", ct)));
            leftover.AddRange(chunks.Where((_, i) => !done[i]));
            if (leftover.Count > 0)
            {
                _log($"cluster: {leftover.Sum(c => c.Count)} individuals could not be evaluated on the cluster ({board.LastFailure ?? "attempts used up"})");
            }
        }

        if (leftover.Count > 0)
        {
            await EvaluateLocallyAsync(batch, plan, leftover, results, tally, ct);
        }

        var wall = _time.GetElapsedTime(started).TotalSeconds;
        var distribution = tally.ToDistribution(silos.Count == 0 ? 0 : chunks.Count, wall);
        lock (_gate)
        {
            _pending = _pending is null ? distribution : _pending.Add(distribution);
        }

        if (distribution.FailedEvaluations > 0 || distribution.LocalFallback > 0)
        {
            _log(Describe(batch.Count, distribution, wall));
        }
        return results;
    }

    private static string Describe(int count, EvaluationDistribution d, double wall) => string.Create(
        CultureInfo.InvariantCulture,
        $"cluster: {count} evaluations in {d.Batches} batches, {wall:0.000} s [{string.Join(", ", d.Workers.Select(w => $"{w.Worker} {w.Evaluations} ({w.BusyPercent:0}% busy)"))}] failed {d.FailedEvaluations}, timeouts {d.Timeouts}, resubmitted {d.Resubmitted}, local {d.LocalFallback}");

    private List<(int Start, int Count)> Chunk(int n, int slots)
    {
        var size = (int)Math.Clamp(Math.Ceiling(n / (double)Math.Max(1, slots * _options.BatchesPerSlot)), 1, _options.MaxBatchSize);
        var chunks = new List<(int, int)>();
        for (var start = 0; start < n; start += size)
        {
            chunks.Add((start, Math.Min(size, n - start)));
        }

        return chunks;
    }

    private async Task<bool> RunChunkAsync(
        SlotBoard board, IReadOnlyList<Individual> batch, (int Start, int Count) chunk, WindowDto[] windows, IndividualEvaluation[] results, CallTally tally, string id, CancellationToken ct)
    {
        var individuals = new IndividualDto[chunk.Count];
        for (var k = 0; k < chunk.Count; k++)
        {
            individuals[k] = DtoMapping.ToDto(batch[chunk.Start + k]);
        }

        var request = new EvaluationBatchRequest(id, _payload.Value.Descriptor, _backtestJson, _costKey, windows, individuals);
        var attempt = 0;
        var retry = new ResiliencePipelineBuilder().AddRetry(new Polly.Retry.RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && ex is not NoSiloLeftException && ClusterErrors.IsTransient(ex, ct)),
            MaxRetryAttempts = _options.MaxAttempts - 1,
            Delay = TimeSpan.Zero,
        }).Build();
        try
        {
            var response = await retry.ExecuteAsync(
                async token =>
                {
                    if (++attempt > 1)
                    {
                        tally.Resubmitted(chunk.Count);
                    }

                    return await AttemptAsync(board, request, tally, token);
                },
                ct);
            for (var k = 0; k < chunk.Count; k++)
            {
                results[chunk.Start + k] = DtoMapping.FromDto(response.Results[k]);
            }

            tally.Completed(response, chunk.Count);
            return true;
        }
        catch (Exception ex) when (ex is NoSiloLeftException || ClusterErrors.IsTransient(ex, ct))
        {
            return false;
        }
    }

    private async Task<EvaluationBatchResponse> AttemptAsync(SlotBoard board, EvaluationBatchRequest request, CallTally tally, CancellationToken ct)
    {
        var slot = await board.AcquireAsync(ct);
        try
        {
            var response = await _callTimeout.ExecuteAsync(async token => await CallAsync(slot, request, token), ct);
            if (response.Silo == slot.Silo.Key)
            {
                board.Release(slot);
                return response;
            }

            // Orleans re-placed the slot's grain on another silo (the hint was refused: the silo is stopping or gone)
            // and the batch ran there: count it as resubmitted and stop sending this call's batches to that silo.
            tally.Resubmitted(request.Individuals.Length);
            if (board.Retire(slot.Silo, $"silo {slot.Silo.Key} did not take its batch ({response.Silo} answered)"))
            {
                _log($"cluster: silo {slot.Silo.Key} did not take its batch ({response.Silo} answered); using the other silos");
            }

            return response;
        }
        catch (Exception ex) when (ClusterErrors.IsTransient(ex, ct))
        {
            var timeout = ClusterErrors.IsTimeout(ex, ct);
            tally.Failed(request.Individuals.Length, timeout);
            var reason = string.Create(CultureInfo.InvariantCulture, $"silo {slot.Silo.Key}: {(timeout ? "no answer within " + _options.BatchTimeout.TotalSeconds + " s" : ex.GetType().Name + ": " + ex.Message.Split('\n')[0].Trim())}");
            if (board.Retire(slot.Silo, reason))
            {
                _log($"cluster: {reason}; resubmitting its batches to the survivors");
            }

            Topology.MarkFailed(slot.Silo.Key);
            throw;
        }
        catch
        {
            board.Release(slot);
            throw;
        }
    }

    private async Task<EvaluationBatchResponse> CallAsync(SiloSlot slot, EvaluationBatchRequest request, CancellationToken ct)
    {
        ClusterTopology.Hint(slot.Silo.Address);
        var grain = _client.GetGrain<IEvaluationGrain>(slot.GrainKey);
        var response = await grain.Evaluate(request, ct);
        for (var upload = 0; response.NeedsDataset && upload < 2; upload++)
        {
            // The first miss sends the dataset once per silo (concurrent slots share that upload); a second miss means
            // the silo evicted it since, so it is sent again.
            if (upload > 0)
            {
                Topology.ForgetDataset(slot.Silo.Key, request.Dataset.Key);
            }

            await Topology.EnsureDatasetAsync(slot, () => _payload.Value, ct);
            ClusterTopology.Hint(slot.Silo.Address);
            response = await grain.Evaluate(request, ct);
        }

        if (response.Error is not null || response.NeedsDataset)
        {
            throw new SiloRefusedException(response.Error ?? $"silo {response.Silo} did not keep dataset {request.Dataset.Key}");
        }

        return response.Results.Length == request.Individuals.Length
            ? response
            : throw new SiloRefusedException($"silo {response.Silo} returned {response.Results.Length} results for {request.Individuals.Length} individuals");
    }

    private async Task EvaluateLocallyAsync(
        IReadOnlyList<Individual> batch, EvaluationPlan plan, List<(int Start, int Count)> chunks, IndividualEvaluation[] results, CallTally tally, CancellationToken ct)
    {
        var count = chunks.Sum(c => c.Count);
        if (!_options.LocalFallback)
        {
            throw new ClusterEvaluationException(string.Create(
                CultureInfo.InvariantCulture,
                $"the cluster could not evaluate {count} of {batch.Count} individuals (no silo left or {_options.MaxAttempts} attempts used up) and local fallback is off"));
        }

        var indices = chunks.SelectMany(c => Enumerable.Range(c.Start, c.Count)).ToList();
        var t0 = _time.GetTimestamp();
        var local = await _local.EvaluateAsync([.. indices.Select(i => batch[i])], plan, ct);
        for (var k = 0; k < indices.Count; k++)
        {
            results[indices[k]] = local[k];
        }

        tally.Local(count, plan.Threads, _time.GetElapsedTime(t0).TotalSeconds * plan.Threads);
        _log($"cluster: evaluated {count} individuals locally (fallback)");
    }
}
