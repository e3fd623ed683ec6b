using Microsoft.Extensions.Logging;
using ResearchPlatform.Host.Lifecycle;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// The operator's controls of live trading (emergency stop, resume, per-strategy stop/start) and the change of the live
/// strategies with the deployment stage; each runs under the serial lock with the live loop stopped.
/// </summary>
internal sealed partial class LiveTrading
{
    /// <summary>
    /// Emergency stop: records the halt (file, so a restart stays halted), stops the live loop, then cancels every open
    /// order of every strategy at the venue (its journal replayed and reconciled by cloid first); the orders cancelled.
    /// </summary>
    public async Task<int> HaltAsync(string reason)
    {
        await _serial.WaitAsync();
        try
        {
            HaltReason = reason;
            Directory.CreateDirectory(Path.GetDirectoryName(HaltPath)!);
            await File.WriteAllTextAsync(HaltPath, reason + "\n");
            await StopLoopAsync();
            var cancelled = await CancelOpenOrdersAsync(Enumerable.Range(0, Slots.Count));
            Log.LogWarning("live trading halted ({Reason}): {Cancelled} open orders cancelled at the venue", reason, cancelled);
            return cancelled;
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>Lifts the emergency stop and starts trading again (unless disaster mode is engaged: its recovery starts it).</summary>
    public async Task ResumeAsync()
    {
        await _serial.WaitAsync();
        try
        {
            if (HaltReason is null)
            {
                return;
            }

            File.Delete(HaltPath);
            HaltReason = null;
            if (Suspended?.Invoke() != true)
            {
                StartLoop();
            }
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>
    /// Stops or starts one strategy (recorded in <see cref="ControlsPath"/> first). Stopping cancels its open orders at
    /// the venue and leaves its position open; the loop continues with the others. Starting puts it back into the loop,
    /// which resumes it from its journal. Null for an unknown id, else the orders cancelled.
    /// </summary>
    public async Task<int?> SetRunningAsync(string id, bool running)
    {
        var i = Slots.ToList().FindIndex(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
        if (i < 0 || _controls is null)
        {
            return null;
        }

        await _serial.WaitAsync();
        try
        {
            var slot = Slots[i];
            if (IsStopped(slot.Id) != running)
            {
                return 0; // already so
            }

            _ = running ? _controls.Stopped.Remove(slot.Id) : _controls.Stopped.Add(slot.Id);
            _controls.Save(Time.GetUtcNow());
            var trading = HaltReason is null && Suspended?.Invoke() != true;
            await StopLoopAsync();
            var cancelled = running ? 0 : await CancelOpenOrdersAsync([i]);
            Info($"live: strategy {slot.Id} {(running ? "started" : "stopped")} through the API ({cancelled} open orders cancelled, position kept)");
            if (trading)
            {
                StartLoop();
            }

            return cancelled;
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>Cancels the open orders of strategies <paramref name="slots"/> at the venue (loop stopped), then shows the journals.</summary>
    private async Task<int> CancelOpenOrdersAsync(IEnumerable<int> slots)
    {
        if (_adapter is not { } adapter || _chosen is not { } chosen)
        {
            return 0; // live trading never started (see the paper_engine component): nothing was placed by this process
        }

        var cancelled = await LiveCancels.CancelOpenOrdersAsync(adapter, [.. slots.Select(i => (Slots[i].Id, JournalPath(Settings, Slots[i].Id), chosen.Prefixes[i]))], Time, Log);
        ShowJournals();
        return cancelled;
    }

    /// <summary>
    /// Follows a change of the live deployment stage (<see cref="LiveStageWatch"/>): the loop is stopped, the open
    /// orders of strategies no longer live are cancelled at the venue (their positions kept), and the loop starts again
    /// with the new set (new strategies from their journals, if any). False when the set is the same.
    /// </summary>
    public async Task<bool> ReplaceAsync(LiveStrategies next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.Error is not null || next.Slots.Count == 0 || _chosen is not { } current || next.Prefixes.SequenceEqual(current.Prefixes, StringComparer.Ordinal))
        {
            return false;
        }

        await _serial.WaitAsync();
        try
        {
            var removed = Enumerable.Range(0, Slots.Count).Where(i => !next.Prefixes.Contains(current.Prefixes[i], StringComparer.Ordinal)).ToList();
            var trading = HaltReason is null && Suspended?.Invoke() != true;
            await StopLoopAsync();
            var cancelled = await CancelOpenOrdersAsync(removed);
            (Slots, _chosen) = (next.Slots, next);
            var what = $"live strategies changed with the live deployment stage: {Slots.Count} strategies ({next.What}); {removed.Count} left the set ({cancelled} open orders cancelled, positions kept)";
            Info("live: " + what);
            _sink?.Report("paper_engine", ComponentHealth.Connected with { Reason = "live: " + what });
            if (trading)
            {
                StartLoop();
            }
            else
            {
                ShowJournals();
            }

            return true;
        }
        finally
        {
            _serial.Release();
        }
    }
}
