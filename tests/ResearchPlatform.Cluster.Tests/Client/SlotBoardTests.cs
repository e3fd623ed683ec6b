using System.Net;
using ResearchPlatform.Cluster.Client;

namespace ResearchPlatform.Cluster.Tests.Client;

public sealed class SlotBoardTests
{
    private static SiloInfo Silo(int port, int cores)
    {
        var a = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1);
        return new SiloInfo(a, a.ToParsableString(), cores);
    }

    [Fact]
    public async Task AcquireAsync_SlotsInterleavedOverSilos_FirstTakesSpreadOverEverySilo()
    {
        var a = Silo(1, 2);
        var b = Silo(2, 2);
        var board = new SlotBoard([a, b]);

        var taken = new[] { await board.AcquireAsync(CancellationToken.None), await board.AcquireAsync(CancellationToken.None) };

        Assert.Equal([a.Key, b.Key], taken.Select(s => s.Silo.Key));
    }

    [Fact]
    public async Task AcquireAsync_LastSiloRetiredWhileWaiting_ThrowsNoSiloLeftInsteadOfHanging()
    {
        var a = Silo(1, 1);
        var board = new SlotBoard([a]);
        var slot = await board.AcquireAsync(CancellationToken.None);
        var waiting = board.AcquireAsync(CancellationToken.None);

        Assert.False(waiting.IsCompleted);
        Assert.True(board.Retire(slot.Silo, "gone"));
        var ex = await Assert.ThrowsAsync<NoSiloLeftException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("gone", ex.Message, StringComparison.Ordinal);
        Assert.False(board.Retire(slot.Silo, "again"));
    }

    [Fact]
    public async Task Release_SlotOfRetiredSilo_IsNotHandedOutAgain()
    {
        var a = Silo(1, 1);
        var b = Silo(2, 1);
        var board = new SlotBoard([a, b]);
        var first = await board.AcquireAsync(CancellationToken.None);
        var second = await board.AcquireAsync(CancellationToken.None);

        board.Retire(a, "dead");
        board.Release(first);
        board.Release(second);
        var next = await board.AcquireAsync(CancellationToken.None);

        Assert.Equal(b.Key, next.Silo.Key);
        Assert.Equal(a.Key, first.Silo.Key);
    }
}
