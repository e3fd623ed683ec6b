using ResearchPlatform.Hyperliquid.Wire;
using SdkCandle = ResearchPlatform.Sdk.Execution.Candle;

namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>
/// Candles per coin: replayed ones in order, else a seeded geometric random walk; prices are rounded to the exchange's
/// rules (5 significant figures, 6 - szDecimals decimals) so every price the venue shows is a valid order price.
/// Volume is sized so the matching engine's participation cap never binds for test-sized orders.
/// </summary>
internal sealed class PriceFeed
{
    private readonly Random _random;
    private readonly double _volatility;
    private readonly Dictionary<string, decimal> _last = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<SdkCandle>> _replay = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _szDecimals = new(StringComparer.Ordinal);

    public PriceFeed(LocalVenueOptions options)
    {
        _random = new Random(options.Seed);
        _volatility = options.Volatility;
        foreach (var a in options.Assets)
        {
            _last[a.Coin] = a.StartPrice;
            _szDecimals[a.Coin] = a.SzDecimals;
            if (options.Replay.TryGetValue(a.Coin, out var candles))
            {
                _replay[a.Coin] = new Queue<SdkCandle>(candles);
            }
        }
    }

    public decimal Last(string coin) => _last[coin];

    public SdkCandle Next(string coin, DateTimeOffset openTime)
    {
        if (_replay.TryGetValue(coin, out var queue) && queue.TryDequeue(out var replayed))
        {
            // Replayed prices are rounded to valid order prices like the walk's; the volume keeps the walk's floor so
            // the participation cap does not bind for test-sized orders.
            var c = Round(coin, replayed.Close);
            var o = Round(coin, replayed.Open);
            _last[coin] = c;
            return new SdkCandle(coin, openTime, o, Math.Max(Round(coin, replayed.High), Math.Max(o, c)), Math.Min(Round(coin, replayed.Low), Math.Min(o, c)), c,
                Math.Max(replayed.Volume, Math.Round(100_000_000m / c, 4)));
        }

        var open = _last[coin];
        var close = Round(coin, open * (decimal)Math.Exp(Gaussian() * _volatility));
        var high = Round(coin, Math.Max(open, close) * (1m + (decimal)(Math.Abs(Gaussian()) * _volatility / 2)));
        var low = Round(coin, Math.Min(open, close) * (1m - (decimal)(Math.Abs(Gaussian()) * _volatility / 2)));
        _last[coin] = close;
        var volume = Math.Round(100_000_000m / close, 4);
        return new SdkCandle(coin, openTime, open, Math.Max(high, Math.Max(open, close)), Math.Min(low, Math.Min(open, close)), close, volume);
    }

    private decimal Round(string coin, decimal price) => WireFormat.RoundPrice(price, _szDecimals[coin], isSpot: false);

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
