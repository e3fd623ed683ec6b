namespace ResearchPlatform.Hyperliquid.Signing;

/// <summary>An EIP-712 type of a user-signed action: the primary type name and its fields (name, type) in order.</summary>
public sealed record UserSignedType(string ActionType, string PrimaryType, IReadOnlyList<(string Name, string Type)> Fields)
{
    /// <summary>"HyperliquidTransaction:UsdSend(string hyperliquidChain,string destination,...)".</summary>
    public string EncodeType() => $"{PrimaryType}({string.Join(',', Fields.Select(f => f.Type + " " + f.Name))})";

    /// <summary>The known user-signed actions by action type (usdSend, withdraw3, approveAgent, ...).</summary>
    public static IReadOnlyDictionary<string, UserSignedType> ByActionType { get; } = new Dictionary<string, UserSignedType>(StringComparer.Ordinal)
    {
        ["usdSend"] = new("usdSend", "HyperliquidTransaction:UsdSend",
            [("hyperliquidChain", "string"), ("destination", "string"), ("amount", "string"), ("time", "uint64")]),
        ["spotSend"] = new("spotSend", "HyperliquidTransaction:SpotSend",
            [("hyperliquidChain", "string"), ("destination", "string"), ("token", "string"), ("amount", "string"), ("time", "uint64")]),
        ["withdraw3"] = new("withdraw3", "HyperliquidTransaction:Withdraw",
            [("hyperliquidChain", "string"), ("destination", "string"), ("amount", "string"), ("time", "uint64")]),
        ["usdClassTransfer"] = new("usdClassTransfer", "HyperliquidTransaction:UsdClassTransfer",
            [("hyperliquidChain", "string"), ("amount", "string"), ("toPerp", "bool"), ("nonce", "uint64")]),
        ["sendAsset"] = new("sendAsset", "HyperliquidTransaction:SendAsset",
            [("hyperliquidChain", "string"), ("destination", "string"), ("sourceDex", "string"), ("destinationDex", "string"),
             ("token", "string"), ("amount", "string"), ("fromSubAccount", "string"), ("nonce", "uint64")]),
        ["approveAgent"] = new("approveAgent", "HyperliquidTransaction:ApproveAgent",
            [("hyperliquidChain", "string"), ("agentAddress", "address"), ("agentName", "string"), ("nonce", "uint64")]),
        ["approveBuilderFee"] = new("approveBuilderFee", "HyperliquidTransaction:ApproveBuilderFee",
            [("hyperliquidChain", "string"), ("maxFeeRate", "string"), ("builder", "address"), ("nonce", "uint64")]),
        ["tokenDelegate"] = new("tokenDelegate", "HyperliquidTransaction:TokenDelegate",
            [("hyperliquidChain", "string"), ("validator", "address"), ("wei", "uint64"), ("isUndelegate", "bool"), ("nonce", "uint64")]),
    };
}
