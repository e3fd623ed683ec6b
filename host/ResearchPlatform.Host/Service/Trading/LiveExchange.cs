using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Paper.Live;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Hyperliquid;
using ResearchPlatform.Host.Lifecycle;
using ResearchPlatform.Host.Service.Views;
using ResearchPlatform.Sdk.Data;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// The venue of <c>rp serve --mode live</c>: the Hyperliquid adapter from the plugin catalog, opened exactly as
/// <c>rp paper --mode testnet</c> opens it (<see cref="HyperliquidVenueAccess"/>); the instrument, candle history and
/// account position read by <see cref="LivePaperEngine.PrepareAsync"/>; the account's positions for <c>/api/positions</c>.
/// </summary>
internal sealed class LiveExchange(ServeSettings settings, ILogger<LiveExchange> log) : IDisposable
{
    private HyperliquidPlugin? _plugin;

    public ServeLiveVenue Venue => settings.Live ?? throw new InvalidOperationException("not in live mode");

    /// <summary>The adapter once <see cref="Connect"/> succeeded.</summary>
    public IExchangeAdapter? Adapter => _plugin?.Adapter;

    /// <summary>What the venue answered at start (null before <see cref="LoadMarketAsync"/>).</summary>
    public LiveMarket? Market { get; private set; }

    /// <summary>The last closed candle of the history read at start.</summary>
    public Candle? LastCandle { get; private set; }

    /// <summary>The <c>exchange</c> component: loads the plugin's adapter (signer checked, the key never shown).</summary>
    public ComponentHealth Connect()
    {
        var v = Venue;
        try
        {
            _plugin = HyperliquidVenueAccess.Open(v.Network, v.Url, v.KeyFile, BarInterval.Parse(v.Interval), Info, settings.PluginsFolder);
        }
        catch (BadInputException ex)
        {
            return ComponentHealth.Failed(ex.Message);
        }

        return ComponentHealth.Connected with { Reason = $"{v.Exchange} {v.Network} {v.Url} (plugin adapter {_plugin.Adapter.VenueId}), signer {v.Signer}" };
    }

    /// <summary>The <c>market_data</c> component: instrument, history and position from the venue, then the candle stream.</summary>
    public async Task<ComponentHealth> LoadMarketAsync(CancellationToken ct)
    {
        var v = Venue;
        if (Adapter is not { } adapter)
        {
            return ComponentHealth.Failed("no exchange adapter (see the exchange component)");
        }

        try
        {
            Market = await LivePaperEngine.PrepareAsync(adapter, new LivePaperSettings { Symbol = v.Coin, Interval = BarInterval.Parse(v.Interval) }, ct);
        }
        catch (Exception ex) when (ex is PaperInputException or ExchangeException or HttpRequestException or SocketException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return ComponentHealth.Failed($"{v.Url}: {ex.Message}");
        }

        LastCandle = Market.History.Count > 0 ? Market.History[^1] : null;
        return ComponentHealth.Connected with
        {
            Reason = string.Create(CultureInfo.InvariantCulture, $"{Market.History.Count} closed {v.Coin} {v.Interval} candles from the venue (then its candle stream, read by the live engine); account position {Market.StartPosition}"),
        };
    }

    /// <summary>The account's positions at the venue, marked at the last closed candle.</summary>
    public async Task<IReadOnlyList<PositionView>> PositionsAsync(CancellationToken ct)
    {
        if (Adapter is not { } adapter)
        {
            return [];
        }

        var positions = await adapter.GetPositionsAsync(ct);
        return [.. positions.Where(p => p.Quantity != 0).Select(p =>
        {
            var mark = p.Symbol == Venue.Coin && LastCandle is { } c ? c.Close : p.EntryPrice;
            return new PositionView("venue", p.Symbol, (double)p.Quantity, (double)p.EntryPrice, (double)mark, (double)((mark - p.EntryPrice) * p.Quantity), true, (double)p.Quantity, (double)p.EntryPrice, "venue");
        })];
    }

    public void Dispose() => _plugin?.Dispose();

    private void Info(string message)
    {
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("{Venue}: {Message}", Venue.Exchange, message);
        }
    }
}
