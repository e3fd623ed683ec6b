using System.Diagnostics;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>
/// Runs a trusted rule on the caller's thread with the budget enforced as far as .NET allows: the rule's token is
/// cancelled at the deadline (a per-thread, reused <see cref="CancellationTokenSource"/> with <c>CancelAfter</c>, so no
/// allocation per call), and a result that arrives after the deadline is reported late and discarded. A rule that
/// ignores its token cannot be stopped: the caller waits until it returns.
/// </summary>
internal static class InlineRunner
{
    [ThreadStatic]
    private static CancellationTokenSource? _cts;

    /// <summary>The rule's result or exception, and whether it finished after <paramref name="budget"/>.</summary>
    public static ((DecisionResult? Result, Exception? Error) Outcome, bool Late) Run(CompiledRule rule, DecisionContext context, TimeSpan budget, CancellationToken ct)
    {
        var cts = _cts is { } c && c.TryReset() ? c : (_cts = new CancellationTokenSource());
        using var link = ct.CanBeCanceled ? ct.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), cts) : default;
        cts.CancelAfter(budget);
        var started = Stopwatch.GetTimestamp();
        DecisionResult? result = null;
        Exception? error = null;
        try
        {
            result = rule.Evaluate(context, cts.Token);
        }
#pragma warning disable CA1031 // any rule failure becomes a fallback decision
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = ex;
        }

        var late = Stopwatch.GetElapsedTime(started) > budget;
        cts.CancelAfter(Timeout.InfiniteTimeSpan);
        if (cts.IsCancellationRequested)
        {
            cts.Dispose();
            _cts = null;
        }

        return ((result, error), late);
    }
}
