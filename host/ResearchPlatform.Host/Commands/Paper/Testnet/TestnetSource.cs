using System.Globalization;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Paper.Testnet;

/// <summary>
/// Where a LIVE_TESTNET session trades, stored as the session's data source so <c>--resume</c> reconnects to the same
/// venue: <c>hyperliquid:testnet;url=..;coin=BTC;key_file=..;start_position=0;duration_s=..</c>. Names the key file or
/// environment variable, never the key.
/// </summary>
internal sealed record TestnetSource(string Network, Uri Url, string Coin, string? KeyFile, decimal StartPosition, TimeSpan? Duration)
{
    public override string ToString()
    {
        var parts = new List<string>
        {
            "hyperliquid:" + Network,
            "url=" + Url.ToString().TrimEnd('/'),
            "coin=" + Coin,
            "start_position=" + StartPosition.ToString(CultureInfo.InvariantCulture),
        };
        if (KeyFile is not null)
        {
            parts.Add("key_file=" + Path.GetFullPath(KeyFile));
        }

        if (Duration is { } d)
        {
            parts.Add("duration_s=" + d.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(';', parts);
    }

    public static TestnetSource Parse(string text)
    {
        var parts = text.Split(';');
        if (parts.Length < 2 || !parts[0].StartsWith("hyperliquid:", StringComparison.Ordinal))
        {
            throw new BadInputException($"--resume: '{text}' is not a testnet session source");
        }

        var map = parts.Skip(1).Select(p => p.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        return new TestnetSource(
            parts[0]["hyperliquid:".Length..],
            new Uri(map["url"]),
            map["coin"],
            map.GetValueOrDefault("key_file"),
            decimal.Parse(map.GetValueOrDefault("start_position", "0"), NumberStyles.Number, CultureInfo.InvariantCulture),
            map.TryGetValue("duration_s", out var d) ? TimeSpan.FromSeconds(double.Parse(d, CultureInfo.InvariantCulture)) : null);
    }
}
