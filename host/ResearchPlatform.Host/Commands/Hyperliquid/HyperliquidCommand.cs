using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Hyperliquid.Signing;

namespace ResearchPlatform.Host.Commands.Hyperliquid;

/// <summary>
/// <c>rp hyperliquid sign | sign-user</c>: signs an L1 or user-signed action offline so users can check their setup
/// against the official vectors. The key comes from --key-file (owner-only permissions) or RP_HYPERLIQUID_PRIVATE_KEY,
/// never from the command line, and is never printed. Uses the Hyperliquid protocol library the plugin also uses.
/// </summary>
public static class HyperliquidCommand
{
    public static Command Create()
    {
        var cmd = new Command("hyperliquid", "Hyperliquid tools: sign actions offline (key from a file or RP_HYPERLIQUID_PRIVATE_KEY)");
        cmd.Subcommands.Add(CreateSign());
        cmd.Subcommands.Add(CreateSignUser());
        return cmd;
    }

    private static Command CreateSign()
    {
        var io = new SignOptions();
        var nonce = new Option<ulong>("--nonce") { Description = "Nonce (ms timestamp) hashed with the action", Required = true };
        var vault = new Option<string?>("--vault") { Description = "Vault / sub-account address (0x + 40 hex)" };
        var expires = new Option<ulong?>("--expires-after") { Description = "expiresAfter ms timestamp hashed with the action" };
        var cmd = new Command("sign", "Sign an L1 action: prints action_hash, r, s, v and the signer");
        io.AddTo(cmd);
        cmd.Options.Add(nonce);
        cmd.Options.Add(vault);
        cmd.Options.Add(expires);
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            var action = io.ReadAction(parse);
            var vaultAddress = parse.GetValue(vault);
            if (vaultAddress is not null && (vaultAddress.Length != 42 || !vaultAddress.StartsWith("0x", StringComparison.OrdinalIgnoreCase)))
            {
                throw new BadInputException($"--vault must be 0x + 40 hex digits, not '{vaultAddress}'");
            }

            using var key = io.LoadKey(parse);
            var network = io.Network(parse);
            SignedL1Action signed;
            try
            {
                signed = L1ActionSigner.Sign(key, action, parse.GetValue(nonce), vaultAddress?.ToLowerInvariant(), parse.GetValue(expires), network);
            }
            catch (FormatException e)
            {
                throw new BadInputException("action: " + e.Message);
            }

            Print(parse, io, output, signed.Signature, signed.Signer, network, [("action_hash", signed.ActionHashHex)], null);
            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static Command CreateSignUser()
    {
        var io = new SignOptions();
        var cmd = new Command("sign-user", "Sign a user-signed action (usdSend, withdraw3, approveAgent, ...): prints r, s, v, signer and the action to post");
        io.AddTo(cmd);
        cmd.SetAction(CommandRunner.Wrap((parse, output, _) =>
        {
            if (io.ReadAction(parse) is not JsonObject action)
            {
                throw new BadInputException("a user-signed action must be a JSON object");
            }

            using var key = io.LoadKey(parse);
            var network = io.Network(parse);
            try
            {
                var (prepared, signature) = UserSignedActionSigner.Sign(key, action, network);
                var digest = Hex.Encode(UserSignedActionSigner.Digest(prepared));
                var nonce = UserSignedActionSigner.NonceOf(prepared).ToString(CultureInfo.InvariantCulture);
                Print(parse, io, output, signature, key.Address, network, [("digest", digest), ("nonce", nonce)], UserSignedActionSigner.PostedForm(prepared));
            }
            catch (FormatException e)
            {
                throw new BadInputException("action: " + e.Message);
            }
            catch (InvalidOperationException e)
            {
                throw new BadInputException("action: " + e.Message);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static void Print(ParseResult parse, SignOptions io, CliOutput output, EcdsaSignature signature, string signer, HyperliquidNetwork network,
        IReadOnlyList<(string Key, string Value)> extra, JsonObject? posted)
    {
        var pairs = new List<(string Key, string Value)>(extra)
        {
            ("r", signature.RHex),
            ("s", signature.SHex),
            ("v", signature.V.ToString(CultureInfo.InvariantCulture)),
            ("signer", signer),
            ("network", network == HyperliquidNetwork.Mainnet ? "mainnet" : "testnet"),
        };
        if (!parse.GetValue(io.Json))
        {
            if (posted is not null)
            {
                pairs.Add(("action", posted.ToJsonString()));
            }

            output.KeyValues(pairs);
            return;
        }

        var json = new JsonObject();
        foreach (var (k, v) in pairs)
        {
            json[k] = k == "v" ? signature.V : v;
        }

        if (posted is not null)
        {
            json["action"] = posted;
        }

        output.Line(json.ToJsonString());
    }
}
