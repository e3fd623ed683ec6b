using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Execution;

public sealed class OrderManagerEventLoopTests
{
    [Fact]
    public async Task RunEventLoop_VenueStream_AppliesFillsUntilCanceled()
    {
        using var h = new ExecutionHarness();
        await h.StartAsync();
        h.Bar(100, 100, 100, 100);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var loop = h.Manager.RunEventLoopAsync(stop.Token);

        var s = await h.Submit(OrderSide.Buy, OrderType.Market, 0.5m);
        h.Bar(101, 102, 100, 101);
        var o = h.Manager.Find(s.ClientOrderId)!;
        while (o.State != OrderState.Filled && !stop.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
        Assert.Equal((OrderState.Filled, 101m, 0.5m), (o.State, o.AverageFillPrice!.Value, h.Manager.Positions.QuantityOf("BTC")));
    }
}
