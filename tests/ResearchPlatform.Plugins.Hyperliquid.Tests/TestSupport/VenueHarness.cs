using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Signing;
using ResearchPlatform.Hyperliquid.Venue;
using ResearchPlatform.Plugins.Hyperliquid.Config;
using ResearchPlatform.Plugins.Hyperliquid.Tests.Signing;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.TestSupport;

/// <summary>A local venue on a free 127.0.0.1 port plus an adapter signed with the Python SDK test key.</summary>
internal sealed class VenueHarness : IAsyncDisposable
{
    private VenueHarness(LocalVenue venue, HyperliquidAdapter adapter, HyperliquidPrivateKey key)
    {
        Venue = venue;
        Adapter = adapter;
        Key = key;
    }

    public LocalVenue Venue { get; }

    public HyperliquidAdapter Adapter { get; }

    public HyperliquidPrivateKey Key { get; }

    public static async Task<VenueHarness> StartAsync(LocalVenueOptions? venueOptions = null, Func<HyperliquidOptions, HyperliquidOptions>? adapterOptions = null, string? key = null)
    {
        var signing = HyperliquidPrivateKey.Parse(key ?? L1Vectors.PythonKey);
        var venue = await LocalVenue.StartAsync((venueOptions ?? new LocalVenueOptions()) with { Accounts = [L1Vectors.PythonAddress], HistoryBars = venueOptions?.HistoryBars ?? 50 }, CancellationToken.None);
        var options = new HyperliquidOptions
        {
            Network = HyperliquidNetwork.Testnet,
            BaseUrl = venue.BaseUrl,
            BackoffInitial = TimeSpan.FromMilliseconds(50),
            BackoffMax = TimeSpan.FromMilliseconds(400),
            PingInterval = TimeSpan.FromSeconds(1),
            RequestTimeout = TimeSpan.FromSeconds(5),
            AccountAddress = L1Vectors.PythonAddress,
        };
        var adapter = new HyperliquidAdapter(adapterOptions is null ? options : adapterOptions(options), null, TimeProvider.System, signing);
        return new VenueHarness(venue, adapter, signing);
    }

    public async ValueTask DisposeAsync()
    {
        await Venue.DisposeAsync();
        Key.Dispose();
    }
}
