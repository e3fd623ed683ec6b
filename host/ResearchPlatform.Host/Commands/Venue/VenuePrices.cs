using System.Globalization;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Hyperliquid.Venue;
using ResearchPlatform.Sdk.Data;
using SdkCandle = ResearchPlatform.Sdk.Execution.Candle;

namespace ResearchPlatform.Host.Commands.Venue;

/// <summary>
/// <c>rp venue serve --prices synthetic|FILE [--prices-coin BTC] [--speed Nx]</c>: the local venue's prices either
/// follow its seeded random walk or replay a bar file's candles for one coin (history first, then one per live step;
/// the walk continues from the last close when the file runs out); <c>--speed Nx</c> paces live candles at N x real
/// time (interval / N per candle).
/// </summary>
internal static class VenuePrices
{
    public static LocalVenueOptions Apply(LocalVenueOptions options, string prices, string coin, string? speed, CancellationToken ct)
    {
        if (speed is not null)
        {
            if (!speed.EndsWith('x') || !double.TryParse(speed.AsSpan(0, speed.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var m) || !(m > 0) || !double.IsFinite(m))
            {
                throw new BadInputException($"--speed: '{speed}' is not Nx (e.g. 3600x)");
            }

            var period = options.CandleInterval / m;
            options = options with { StepPeriod = period < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : period };
        }

        if (string.Equals(prices, "synthetic", StringComparison.OrdinalIgnoreCase))
        {
            return options;
        }

        if (!File.Exists(prices))
        {
            throw new BadInputException($"--prices: file not found: {prices} (or use synthetic)");
        }

        var asset = options.Assets.FirstOrDefault(a => a.Coin == coin)
            ?? throw new BadInputException($"--prices-coin: '{coin}' is not listed on the venue ({string.Join(", ", options.Assets.Select(a => a.Coin))})");
        var bars = BarFileReader.Read(prices, BarFileFormat.Auto, null, BarInterval.FromDuration(options.CandleInterval), ct).Series;
        if (bars.Count == 0)
        {
            throw new BadInputException($"--prices: {prices} has no bars");
        }

        var candles = new List<SdkCandle>(bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            candles.Add(new SdkCandle(coin, bars.TimeAt(i), (decimal)bars.Open[i], (decimal)bars.High[i], (decimal)bars.Low[i], (decimal)bars.Close[i], (decimal)Math.Max(bars.Volume[i], 0)));
        }

        var assets = options.Assets.Select(a => a.Coin == coin ? a with { StartPrice = candles[0].Open } : a).ToList();
        var replay = new Dictionary<string, IReadOnlyList<SdkCandle>>(options.Replay, StringComparer.Ordinal) { [coin] = candles };
        return options with { Assets = assets, Replay = replay };
    }
}
