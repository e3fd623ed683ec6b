using Microsoft.Extensions.Logging;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// Lets the set of live strategies follow the live deployment stage (<c>rp strategies</c> promotions, retirements,
/// rollbacks) without a restart: at a candle boundary (after a candle every trading strategy processed, at most once per
/// <paramref name="every"/> so the workspace database is not opened for every short test candle) the live stage is read
/// again and a changed set is applied by <see cref="LiveTrading.ReplaceAsync"/> before the next candle.
/// </summary>
internal sealed class LiveStageWatch(LiveTrading live, Func<CancellationToken, Task<LiveStrategies>> load, TimeProvider time, ILogger log, TimeSpan every)
{
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private int _busy;

    public void Attach() => live.CandleSampled += OnCandle;

    private void OnCandle(int points)
    {
        var now = time.GetUtcNow();
        if (now - _last < every || Interlocked.Exchange(ref _busy, 1) == 1)
        {
            return;
        }

        _last = now;
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await live.ReplaceAsync(await load(CancellationToken.None));
                }
#pragma warning disable CA1031 // a failed read (the database busy with another rp command) is retried at a later candle
                catch (Exception ex)
                {
                    log.LogWarning("live stage not re-read after candle {Points}: {Error}; retried at a later candle", points, ex.Message);
                }
#pragma warning restore CA1031
                finally
                {
                    Interlocked.Exchange(ref _busy, 0);
                }
            },
            CancellationToken.None);
    }
}
