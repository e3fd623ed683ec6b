using System.CommandLine;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Hyperliquid;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Serve;

/// <summary>
/// The live options of <c>rp serve</c>: <c>--mode live</c> needs <c>--exchange hyperliquid</c>; mainnet (by
/// <c>--network</c> or the URL) is refused without <c>--i-understand-this-is-mainnet</c>; the signing key must be readable
/// (from <c>--key-file</c>, owner-only, or <c>RP_HYPERLIQUID_PRIVATE_KEY</c>). All bad input (exit 2) before anything starts.
/// </summary>
internal static class ServeLiveOptions
{
    public static ServeLiveVenue? Parse(ParseResult parse, ServeCliOptions o, bool live)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(o);
        if (!live)
        {
            Option[] liveOnly = [o.Exchange, o.Network, o.VenueUrl, o.KeyFile, o.Coin, o.Interval, o.Mainnet];
            var given = liveOnly.Where(option => parse.GetResult(option) is { Implicit: false }).Select(option => option.Name).ToList();
            return given.Count == 0 ? null : throw new BadInputException($"{string.Join(", ", given)}: only with --mode live");
        }

        var exchange = parse.GetValue(o.Exchange) ?? throw new BadInputException("--mode live needs --exchange hyperliquid (the exchange plugin to trade through)");
        if (parse.GetValue(o.Replay) is not null)
        {
            throw new BadInputException("--replay: paper mode only (--mode live trades the venue's candle stream)");
        }

        var interval = parse.GetValue(o.Interval)!;
        if (!BarInterval.TryParse(interval, out _, out var why))
        {
            throw new BadInputException($"--interval '{interval}': {why}");
        }

        var network = parse.GetValue(o.Network)!;
        var url = HyperliquidVenueAccess.VenueUrl(parse.GetValue(o.VenueUrl), network, parse.GetValue(o.Mainnet), "rp serve --mode live");
        var keyFile = parse.GetValue(o.KeyFile) is { } f ? Path.GetFullPath(f) : null;
        var signer = HyperliquidVenueAccess.SignerAddress(keyFile);
        return new ServeLiveVenue(exchange, network, url, keyFile, parse.GetValue(o.Coin)!, interval, signer);
    }
}
