using ResearchPlatform.Hyperliquid.Signing;

namespace ResearchPlatform.Plugins.Hyperliquid.Tests.Signing;

/// <summary>One L1 signing vector.</summary>
public sealed record L1Vector(
    string Name,
    HyperliquidNetwork Network,
    string ActionJson,
    ulong Nonce,
    string? Vault,
    string Msgpack,
    string Preimage,
    string ConnectionId,
    string AgentStructHash,
    string Digest,
    string R,
    string S,
    int V);
