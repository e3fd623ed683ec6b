using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Signing;

namespace ResearchPlatform.Host.Commands.Hyperliquid;

/// <summary>Options shared by <c>hyperliquid sign</c> and <c>sign-user</c>: key file, action, network, --json.</summary>
internal sealed class SignOptions
{
    public Option<string?> KeyFile { get; } = new("--key-file")
    {
        Description = "File with the private key (64 hex digits), readable by its owner only; default: env RP_HYPERLIQUID_PRIVATE_KEY",
    };

    public Option<string?> Action { get; } = new("--action") { Description = "The action as JSON (keys in canonical order)" };

    public Option<string?> ActionFile { get; } = new("--action-file") { Description = "File with the action as JSON" };

    public Option<bool> Testnet { get; } = new("--testnet") { Description = "Sign for testnet (L1 source \"b\", hyperliquidChain Testnet)" };

    public Option<bool> Json { get; } = CommonOptions.JsonOption();

    public void AddTo(Command cmd)
    {
        cmd.Options.Add(KeyFile);
        cmd.Options.Add(Action);
        cmd.Options.Add(ActionFile);
        cmd.Options.Add(Testnet);
        cmd.Options.Add(Json);
    }

    public HyperliquidNetwork Network(ParseResult parse) => parse.GetValue(Testnet) ? HyperliquidNetwork.Testnet : HyperliquidNetwork.Mainnet;

    public JsonNode ReadAction(ParseResult parse)
    {
        var inline = parse.GetValue(Action);
        var file = parse.GetValue(ActionFile);
        if ((inline is null) == (file is null))
        {
            throw new BadInputException("give exactly one of --action JSON or --action-file FILE");
        }

        string text;
        try
        {
            text = inline ?? File.ReadAllText(file!);
        }
        catch (IOException e)
        {
            throw new BadInputException($"cannot read --action-file '{file}': {e.Message}");
        }

        try
        {
            return JsonNode.Parse(text) ?? throw new BadInputException("the action is JSON null");
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{(file is null ? "--action" : file)}: invalid JSON at line {e.LineNumber + 1}: {e.Message}");
        }
    }

    public HyperliquidPrivateKey LoadKey(ParseResult parse)
    {
        try
        {
            return parse.GetValue(KeyFile) is { } path ? KeyLoader.FromFile(path)
                : KeyLoader.FromEnvironment()
                  ?? throw new BadInputException($"no key: pass --key-file FILE (chmod 600) or set {KeyLoader.DefaultEnvironmentVariable}");
        }
        catch (KeyLoadException e)
        {
            throw new BadInputException(e.Message);
        }
    }
}
