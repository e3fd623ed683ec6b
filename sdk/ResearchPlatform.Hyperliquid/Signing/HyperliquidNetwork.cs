namespace ResearchPlatform.Hyperliquid.Signing;

/// <summary>Which Hyperliquid chain a signature is for: it changes the L1 source ("a"/"b") and hyperliquidChain.</summary>
public enum HyperliquidNetwork
{
    Mainnet,
    Testnet,
}
