using System.Threading.Channels;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Paper.Live;

/// <summary>
/// The two inboxes of a live session's single trading loop: venue execution events, and market data (closed candles,
/// or the exception that ended a stream). Events are always drained before the next candle is handled.
/// </summary>
internal sealed class LiveQueue
{
    public Channel<ExecutionEvent> Events { get; } = Channel.CreateUnbounded<ExecutionEvent>(new UnboundedChannelOptions { SingleReader = true });

    public Channel<object> Market { get; } = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Waits until either inbox has something; false when <paramref name="cancellationToken"/> fired first.</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        using var any = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var events = Events.Reader.WaitToReadAsync(any.Token).AsTask();
        var market = Market.Reader.WaitToReadAsync(any.Token).AsTask();
        var first = await Task.WhenAny(events, market);
        await any.CancelAsync();
        await Task.WhenAll(events, market).ContinueWith(_ => { }, TaskScheduler.Default);
        return !cancellationToken.IsCancellationRequested && first.Status == TaskStatus.RanToCompletion;
    }
}
