using System.Collections.Concurrent;

namespace ResearchPlatform.Cluster.Silo;

/// <summary>
/// Dedicated evaluation threads fed by a queue: CPU-bound backtests run here, so the Orleans scheduler and the thread
/// pool stay free for messaging, membership probes and timers even when every core is busy.
/// </summary>
internal sealed class EvaluationExecutor : IDisposable
{
    private readonly BlockingCollection<Action> _queue = [];
    private readonly Thread[] _threads;

    public EvaluationExecutor(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Loop) { IsBackground = true, Name = "rp-eval-" + i };
            _threads[i].Start();
        }
    }

    /// <summary>Evaluation threads.</summary>
    public int Threads => _threads.Length;

    /// <summary>Runs <paramref name="work"/> on an evaluation thread; cancellation before it starts skips it.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        var tcs = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(() => Run(work, tcs, ct), CancellationToken.None);
        return tcs.Task;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _queue.CompleteAdding();
        var running = 0;
        foreach (var t in _threads)
        {
            running += t.Join(TimeSpan.FromSeconds(5)) ? 0 : 1;
        }

        // A thread still in a long evaluation ends its loop on its own once the item returns (adding is complete); disposing
        // the queue under it made its next MoveNext throw ObjectDisposedException on that thread, which ended the process.
        if (running == 0)
        {
            _queue.Dispose();
        }
    }

    private static void Run<T>(Func<T> work, TaskCompletionSource<T> tcs, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            tcs.TrySetCanceled(ct);
            return;
        }

        try
        {
            tcs.TrySetResult(work());
        }
        catch (OperationCanceledException ex)
        {
            tcs.TrySetCanceled(ex.CancellationToken);
        }
        catch (Exception ex)
        {
            tcs.TrySetException(ex);
        }
    }

    private void Loop()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            item();
        }
    }
}
