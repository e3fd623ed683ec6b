using ResearchPlatform.Host.Cli;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Hyperliquid;

/// <summary>
/// How a command reaches Hyperliquid (<c>rp paper --mode testnet</c>, <c>rp serve --mode live</c>): the venue URL (mainnet
/// refused without <c>--i-understand-this-is-mainnet</c>), the signing key (only from a key file or
/// <c>RP_HYPERLIQUID_PRIVATE_KEY</c>; its address is shown, the key never) and the adapter from the plugin catalog.
/// </summary>
internal static class HyperliquidVenueAccess
{
    public const string MainnetHost = "api.hyperliquid.xyz";

    /// <summary>The venue's URL for <paramref name="network"/>; bad input for a malformed URL or an unconfirmed mainnet.</summary>
    public static Uri VenueUrl(string? text, string network, bool mainnetAllowed, string command)
    {
        Uri url;
        if (text is null)
        {
            url = new Uri(network == "mainnet" ? "https://" + MainnetHost : "https://api.hyperliquid-testnet.xyz");
        }
        else if (!Uri.TryCreate(text, UriKind.Absolute, out url!) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new BadInputException($"--venue-url: '{text}' is not an http(s) URL");
        }

        var mainnet = network == "mainnet" || string.Equals(url.Host, MainnetHost, StringComparison.OrdinalIgnoreCase);
        return mainnet && !mainnetAllowed
            ? throw new BadInputException($"--venue-url {url} / --network {network}: this is MAINNET (real money); {command} refuses it unless --i-understand-this-is-mainnet is given")
            : url;
    }

    /// <summary>The signer's address; bad input when there is no key or it cannot be read (the key itself is never shown).</summary>
    public static string SignerAddress(string? keyFile)
    {
        HyperliquidPrivateKey? key;
        try
        {
            key = keyFile is not null ? KeyLoader.FromFile(keyFile) : KeyLoader.FromEnvironment();
        }
        catch (KeyLoadException e)
        {
            throw new BadInputException(e.Message);
        }

        if (key is null)
        {
            throw new BadInputException($"no signing key: give --key-file F (chmod 600) or set {KeyLoader.DefaultEnvironmentVariable}");
        }

        using (key)
        {
            return key.Address;
        }
    }

    /// <summary>Checks the key (its address goes to <paramref name="info"/>) and configures the plugin's adapter.</summary>
    public static HyperliquidPlugin Open(string network, Uri url, string? keyFile, BarInterval interval, Action<string> info, string? pluginsFolder = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(info);
        info($"signer {SignerAddress(keyFile)}");
        var settings = new Dictionary<string, string>
        {
            ["network"] = network,
            ["base_url"] = url.ToString().TrimEnd('/'),
            ["candle_interval"] = interval.Code,
        };
        if (keyFile is not null)
        {
            settings["key_file"] = keyFile;
        }

        return HyperliquidPlugin.Open(settings, pluginsFolder);
    }
}
