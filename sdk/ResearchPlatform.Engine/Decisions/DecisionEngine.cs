using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Collections.ObjectModel;
using System.Text.Json;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>
/// Takes decisions with the live rules of a <see cref="RuleSet"/>. Each evaluation runs on a dedicated worker thread (<see cref="RuleWorker"/>) with a
/// deadline (<see cref="DecisionEngineOptions.Budget"/>) and gets a <see cref="CancellationToken"/> that is cancelled at
/// the deadline. A rule that throws, returns the wrong type or misses the deadline yields a fallback decision
/// (<see cref="NoDecisionValue"/>, confidence 0, requires human review, carrying the error); the engine never throws for a
/// rule's fault. .NET cannot abort a thread: a rule looping without checking its token keeps its worker busy forever,
/// so that rule version is quarantined (answered by fallback without running) until its file changes. Thread-safe.
/// </summary>
public sealed class DecisionEngine
{
    private static readonly JsonSerializerOptions KeyJson = new() { WriteIndented = false };
    private readonly RuleSet _rules;
    private readonly DecisionEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DecisionResult> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _quarantined = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _trust = new(StringComparer.Ordinal);
    private readonly ThresholdsMemo?[] _thresholdsUsed = new ThresholdsMemo?[Enum.GetValues<DecisionType>().Length];

    /// <summary>Creates an engine over <paramref name="rules"/>.</summary>
    public DecisionEngine(RuleSet rules, DecisionEngineOptions? options = null, TimeProvider? time = null)
    {
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _options = options ?? new DecisionEngineOptions();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Where decisions queued for a human are raised as DECISION alerts carrying <c>decision_id</c> (none by default).</summary>
    public IAlertPublisher Alerts { get; init; } = NullAlertPublisher.Instance;

    /// <summary>
    /// A new decision id: <c>d</c> + the UTC time in milliseconds (13 digits, so ids sort by time) + <c>-</c> + 12 random
    /// hex digits from the OS's cryptographic generator. Unique across processes and machines deciding into one workspace
    /// (a collision needs two ids in the same millisecond with the same 48 random bits), unlike a per-process counter.
    /// </summary>
    public static string NewId(DateTimeOffset at) => DecisionIds.New(at);

    /// <summary>Decisions answered from the cache so far.</summary>
    public long CacheHits => Interlocked.Read(ref _cacheHits);

    private long _cacheHits;

    /// <summary>
    /// Decides <paramref name="type"/> for <paramref name="context"/>. The context's thresholds are replaced by the rule
    /// set's when it has none.
    /// </summary>
    public DecisionRecord Decide(DecisionType type, DecisionContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Thresholds.Values.Count == 0)
        {
            context = context with { Thresholds = _rules.Thresholds };
        }

        var rule = _rules.Current(type);
        var fromCache = false;
        DecisionResult result;
        if (rule is null)
        {
            result = Fallback(type, null, $"no compiled rule for {RuleFiles.FileName(type)} in {_rules.Directory}");
        }
        else if (_quarantined.TryGetValue(rule.Hash, out var why))
        {
            result = Fallback(type, rule, why);
        }
        else
        {
            string? key = null;
            if (_options.CacheDecisions)
            {
                key = rule.Hash + "|" + JsonSerializer.Serialize(context, KeyJson);
                if (_cache.TryGetValue(key, out var hit))
                {
                    Interlocked.Increment(ref _cacheHits);
                    fromCache = true;
                    return Record(hit, fromCache);
                }
            }

            result = Evaluate(type, rule, context, ct);
            if (key is not null && result.Error is null)
            {
                if (_cache.Count >= _options.CacheCapacity)
                {
                    _cache.Clear();
                }

                _cache[key] = result;
            }
        }

        return Record(result, fromCache);
    }

    private DecisionRecord Record(DecisionResult result, bool fromCache)
    {
        var routing = result.Error is not null ? DecisionRouting.QueuedForHuman : _options.Routing.Route(result.Confidence);
        var at = _time.GetUtcNow();
        var review = routing != DecisionRouting.AutoExecuted;
        var record = new DecisionRecord(NewId(at), at, result.RequiresHumanReview == review ? result : result with { RequiresHumanReview = review }, routing, fromCache);
        if (routing == DecisionRouting.QueuedForHuman && !ReferenceEquals(Alerts, NullAlertPublisher.Instance))
        {
            Alerts.Publish(DecisionAlerts.Queued(record));
        }

        return record;
    }

    /// <summary>Rule evaluations that ran inline on the caller's thread so far.</summary>
    public long InlineRuns => Interlocked.Read(ref _inlineRuns);

    private long _inlineRuns;

    private DecisionResult Evaluate(DecisionType type, CompiledRule rule, DecisionContext context, CancellationToken ct)
    {
        if (_options.InlineTrustedRules && _trust.TryGetValue(rule.Hash, out var proven) && proven >= _options.TrustAfter)
        {
            Interlocked.Increment(ref _inlineRuns);
            var (inline, late) = InlineRunner.Run(rule, context, _options.Budget, ct);
            if (late)
            {
                _trust.TryRemove(rule.Hash, out _); // back to the worker until it proves itself again
                return Fallback(type, rule, $"rule exceeded its time budget of {_options.Budget.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms (ran inline; late result discarded)");
            }

            return Check(type, rule, context, inline.Result, inline.Error);
        }

        var started = Stopwatch.GetTimestamp();
        var result = EvaluateOnWorker(type, rule, context, ct, out var completed);
        if (completed && Stopwatch.GetElapsedTime(started) <= _options.Budget / 2)
        {
            _trust.AddOrUpdate(rule.Hash, 1, static (_, n) => n + 1);
        }

        return result;
    }

    private DecisionResult EvaluateOnWorker(DecisionType type, CompiledRule rule, DecisionContext context, CancellationToken ct, out bool completed)
    {
        completed = false;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var worker = RuleWorker.Rent();
        if (!worker.TryRun(rule, context, _options.Budget, out var r, out var error, cts.Token))
        {
            cts.Cancel();
            var msg = $"rule exceeded its time budget of {_options.Budget.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms";
            // Give a cooperative rule a moment to observe the token; one that ignores it is abandoned and quarantined.
            if (worker.WaitFinished(TimeSpan.FromMilliseconds(20)))
            {
                RuleWorker.Return(worker);
            }
            else
            {
                _quarantined[rule.Hash] = msg + " and ignored cancellation; quarantined until the file changes";
            }

            return Fallback(type, rule, msg);
        }

        RuleWorker.Return(worker);
        completed = true;
        return Check(type, rule, context, r, error);
    }

    private DecisionResult Check(DecisionType type, CompiledRule rule, DecisionContext context, DecisionResult? r, Exception? error)
    {
        if (error is not null)
        {
            return Fallback(type, rule, $"rule threw {error.GetType().Name}: {error.Message}");
        }

        if (r is null || r.Type != type)
        {
            return Fallback(type, rule, $"rule returned {(r is null ? "null" : r.Type.ToString())}, expected a {type} decision");
        }

        // One copy of the rule's result carries everything the engine adds, including the routing's review flag.
        return r with
        {
            RuleFile = rule.FileName,
            RuleHash = rule.Hash,
            ThresholdsUsed = ThresholdsUsed(type, rule, context.Thresholds),
            RequiresHumanReview = _options.Routing.Route(r.Confidence) != DecisionRouting.AutoExecuted,
        };
    }

    /// <summary>
    /// The thresholds <paramref name="rule"/> names, with their values in <paramref name="thresholds"/>: built once per
    /// (rule version, thresholds instance) and shared read-only by every result until either changes.
    /// </summary>
    private IReadOnlyDictionary<string, double> ThresholdsUsed(DecisionType type, CompiledRule rule, Thresholds thresholds)
    {
        var memo = Volatile.Read(ref _thresholdsUsed[(int)type]);
        if (memo is not null && ReferenceEquals(memo.Rule, rule) && ReferenceEquals(memo.Thresholds, thresholds))
        {
            return memo.Used;
        }

        var used = new Dictionary<string, double>(rule.ThresholdNames.Count, StringComparer.Ordinal);
        foreach (var name in rule.ThresholdNames)
        {
            if (thresholds.Contains(name))
            {
                used[name] = thresholds.Get(name);
            }
        }

        memo = new ThresholdsMemo(rule, thresholds, new ReadOnlyDictionary<string, double>(used));
        Volatile.Write(ref _thresholdsUsed[(int)type], memo);
        return memo.Used;
    }

    private sealed record ThresholdsMemo(CompiledRule Rule, Thresholds Thresholds, IReadOnlyDictionary<string, double> Used);

    private static DecisionResult Fallback(DecisionType type, CompiledRule? rule, string error) =>
        new(type, new NoDecisionValue(), 0, "fallback: " + error, Urgency.High)
        {
            RuleFile = rule?.FileName ?? RuleFiles.FileName(type),
            RuleHash = rule?.Hash ?? string.Empty,
            RequiresHumanReview = true,
            Error = error,
        };
}
