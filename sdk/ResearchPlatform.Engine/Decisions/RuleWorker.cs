using System.Collections.Concurrent;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>
/// A dedicated background thread that runs one rule evaluation at a time, handed over through spinning
/// <see cref="ManualResetEventSlim"/>s (a few microseconds, against tens for a thread-pool wake-up). Callers rent an idle
/// worker from <see cref="Rent"/>; a worker whose rule missed its deadline is abandoned (never returned), because .NET
/// cannot abort its thread: it stays parked in the stuck rule as a background thread.
/// </summary>
#pragma warning disable CA1001 // workers live for the process (pooled or parked in a stuck rule); their events are never disposed
internal sealed class RuleWorker
#pragma warning restore CA1001
{
    private static readonly ConcurrentBag<RuleWorker> Idle = [];
    private readonly ManualResetEventSlim _go = new(false, 200);
    private readonly ManualResetEventSlim _done = new(false, 200);
    private CompiledRule? _rule;
    private DecisionContext? _context;
    private CancellationToken _token;
    private DecisionResult? _result;
    private Exception? _error;

    private RuleWorker()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "rp-rule-worker" };
        thread.Start();
    }

    public static RuleWorker Rent() => Idle.TryTake(out var w) ? w : new RuleWorker();

    public static void Return(RuleWorker worker) => Idle.Add(worker);

    /// <summary>Runs the rule; false when it did not finish within <paramref name="budget"/> (the worker is then abandoned).</summary>
    public bool TryRun(CompiledRule rule, DecisionContext context, TimeSpan budget, out DecisionResult? result, out Exception? error, CancellationToken token)
    {
        _rule = rule;
        _context = context;
        _token = token;
        _result = null;
        _error = null;
        _done.Reset();
        _go.Set();
        if (!_done.Wait(budget, CancellationToken.None))
        {
            result = null;
            error = null;
            return false;
        }

        (result, error) = (_result, _error);
        _rule = null;
        _context = null;
        return true;
    }

    /// <summary>Waits a little longer for a rule that was cancelled at its deadline.</summary>
    public bool WaitFinished(TimeSpan grace) => _done.Wait(grace, CancellationToken.None);

    private void Loop()
    {
        while (true)
        {
            _go.Wait();
            _go.Reset();
            try
            {
                _result = _rule!.Evaluate(_context!, _token);
            }
#pragma warning disable CA1031 // any rule failure becomes a fallback decision
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _error = ex;
            }

            _done.Set();
        }
    }
}
