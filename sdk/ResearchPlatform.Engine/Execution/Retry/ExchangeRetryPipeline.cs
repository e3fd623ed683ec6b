using Polly;
using Polly.Retry;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Execution.Retry;

/// <summary>
/// A Polly v8 retry pipeline for venue calls: retries <see cref="ExchangeException"/>s that are transient (timeouts,
/// 429, 5xx), waits on the injected <see cref="TimeProvider"/>, and counts retries. Deciding what to do after an
/// ambiguous failure (query by client id before resending) is the caller's job, inside the retried callback.
/// </summary>
internal sealed class ExchangeRetryPipeline
{
    private readonly ExchangeRetryOptions _options;
    private readonly Random _jitter;
    private readonly Lock _gate = new();
    private long _retries;
    private int _maxRetryNumber;

    public ExchangeRetryPipeline(ExchangeRetryOptions options, TimeProvider time)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid retry options: " + string.Join("; ", problems), nameof(options));
        }

        _options = options;
        _jitter = new Random(options.Seed);
        Pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ExchangeException>(e => e.IsTransient),
                MaxRetryAttempts = options.MaxRetryAttempts,
                DelayGenerator = args => new ValueTask<TimeSpan?>(NextDelay(args.AttemptNumber, args.Outcome.Exception)),
                OnRetry = args =>
                {
                    Interlocked.Increment(ref _retries);
                    var number = args.AttemptNumber + 1;
                    int seen;
                    while (number > (seen = Volatile.Read(ref _maxRetryNumber)) && Interlocked.CompareExchange(ref _maxRetryNumber, number, seen) != seen)
                    {
                    }

                    return default;
                },
            })
            .Build();
    }

    /// <summary>The Polly pipeline.</summary>
    public ResiliencePipeline Pipeline { get; }

    /// <summary>Retries performed so far (all calls).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>The most retries any single call needed (never above <c>MaxRetryAttempts</c>).</summary>
    public int MostRetriesForOneCall => Volatile.Read(ref _maxRetryNumber);

    /// <summary>Runs <paramref name="call"/> with retries.</summary>
    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken) =>
        Pipeline.ExecuteAsync(call, cancellationToken);

    /// <summary>The delay before retry number <paramref name="attempt"/> (0-based) after <paramref name="error"/>.</summary>
    public TimeSpan NextDelay(int attempt, Exception? error)
    {
        if (error is ExchangeException { Kind: ExchangeErrorKind.RateLimited, RetryAfter: { } after } && after > TimeSpan.Zero)
        {
            return after;
        }

        var exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, _options.MaxDelay.TotalMilliseconds);
        double u;
        lock (_gate)
        {
            u = _jitter.NextDouble();
        }

        return TimeSpan.FromMilliseconds((capped / 2) + (u * capped / 2));
    }
}
