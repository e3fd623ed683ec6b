using System.Text.Json.Nodes;
using ResearchPlatform.Host.Tests.TestSupport;
using ResearchPlatform.Hyperliquid.Venue;

namespace ResearchPlatform.Host.Tests.Commands.Hyperliquid;

/// <summary>rp hyperliquid sign / sign-user against the official Python SDK vectors, and rp data fetch hyperliquid against a local venue.</summary>
public sealed class HyperliquidCommandTests
{
    private const string Key = "0x0123456789012345678901234567890123456789012345678901234567890123";

    [Fact]
    public async Task Sign_VectorP3Mainnet_PrintsTheOfficialSignature()
    {
        var keyFile = KeyFile(ownerOnly: true);
        try
        {
            var r = await RpProcess.RunAsync("hyperliquid", "sign", "--key-file", keyFile, "--nonce", "0", "--json",
                "--action", """{"type":"order","orders":[{"a":1,"b":true,"p":"100","s":"100","r":false,"t":{"limit":{"tif":"Gtc"}}}],"grouping":"na"}""");

            Assert.Equal(0, r.ExitCode);
            var json = JsonNode.Parse(r.StdOut)!;
            Assert.Equal("0x884f2c32bb6dbdd65f6033e32fb28c0cb6f5b345db0f6471fd3366d85c9252c1", json["action_hash"]!.GetValue<string>());
            Assert.Equal("0xd65369825a9df5d80099e513cce430311d7d26ddf477f5b3a33d2806b100d78e", json["r"]!.GetValue<string>());
            Assert.Equal("0x2b54116ff64054968aa237c20ca9ff68000f977c93289157748a3162b6ea940e", json["s"]!.GetValue<string>());
            Assert.Equal(28, json["v"]!.GetValue<int>());
            Assert.Equal("0x14791697260e4c9a71f18484c9f997b308e59325", json["signer"]!.GetValue<string>());
            Assert.DoesNotContain("0123456789012345678901234567890123456789", r.StdOut + r.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task SignUser_VectorP12Withdraw_PrintsTheOfficialSignatureAndPostedAction()
    {
        var keyFile = KeyFile(ownerOnly: true);
        try
        {
            var r = await RpProcess.RunAsync("hyperliquid", "sign-user", "--key-file", keyFile, "--testnet", "--json",
                "--action", """{"type":"withdraw3","destination":"0x5e9ee1089755c3435139848e47e6635505d5a13a","amount":"1","time":1687816341423}""");

            Assert.Equal(0, r.ExitCode);
            var json = JsonNode.Parse(r.StdOut)!;
            Assert.Equal("0x8363524c799e90ce9bc41022f7c39b4e9bdba786e5f9c72b20e43e1462c37cf9", json["r"]!.GetValue<string>());
            Assert.Equal("0x58b1411a775938b83e29182e8ef74975f9054c8e97ebf5ec2dc8d51bfc893881", json["s"]!.GetValue<string>());
            Assert.Equal(28, json["v"]!.GetValue<int>());
            Assert.Equal("Testnet", json["action"]!["hyperliquidChain"]!.GetValue<string>());
            Assert.Equal("0x66eee", json["action"]!["signatureChainId"]!.GetValue<string>());
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task Sign_GroupReadableKeyFileOrFloatPrice_ExitsTwoWithoutEchoingTheKey()
    {
        var open = KeyFile(ownerOnly: false);
        var closed = KeyFile(ownerOnly: true);
        try
        {
            var refused = await RpProcess.RunAsync("hyperliquid", "sign", "--key-file", open, "--nonce", "1", "--action", """{"type":"noop"}""");
            var floats = await RpProcess.RunAsync("hyperliquid", "sign", "--key-file", closed, "--nonce", "1", "--action", """{"type":"x","p":1.5}""");

            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("chmod 600", refused.StdErr, StringComparison.Ordinal);
            Assert.DoesNotContain("0123456789012345678901234567890123456789", refused.StdOut + refused.StdErr, StringComparison.Ordinal);
            Assert.Equal(2, floats.ExitCode);
            Assert.Contains("$.p", floats.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(open);
            File.Delete(closed);
        }
    }

    [Fact]
    public async Task DataFetchHyperliquid_LocalVenue_StoresEveryCandleOfTheRange()
    {
        await using var venue = await LocalVenue.StartAsync(new LocalVenueOptions { HistoryBars = 200 }, CancellationToken.None);
        var workspace = Directory.CreateTempSubdirectory("rp-hl-fetch-").FullName;
        try
        {
            var r = await RpProcess.RunAsync("--workspace", workspace, "data", "fetch", "hyperliquid", "--coin", "ETH", "--interval", "1h",
                "--days", "5", "--base-url", venue.BaseUrl.ToString(), "--json");

            Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.StdErr} {r.StdOut}");
            var json = JsonNode.Parse(r.StdOut)!;
            Assert.Equal("ETH/USDC:USDC", json["symbol"]!.GetValue<string>());
            Assert.InRange(json["bars"]!.GetValue<int>(), 119, 120);
            Assert.Empty(json["gaps"]!.AsArray());
            Assert.Equal(1, venue.Requests);
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static string KeyFile(bool ownerOnly)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, Key + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, ownerOnly ? UnixFileMode.UserRead | UnixFileMode.UserWrite : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        return path;
    }
}
