using System.Buffers.Binary;
using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.Keys;
using ResearchPlatform.Hyperliquid.Wire;

namespace ResearchPlatform.Hyperliquid.Signing;

/// <summary>
/// L1 (trading) action signing: action hash = keccak256(msgpack(action) ‖ nonce u64 BE ‖ vault byte [‖ 20 bytes]
/// [‖ 0x00 ‖ expiresAfter u64 BE]); phantom agent {source "a" mainnet | "b" testnet, connectionId = action hash};
/// EIP-712 domain "Exchange", version "1", chainId 1337, verifyingContract 0x0; primary type Agent.
/// </summary>
public static class L1ActionSigner
{
    /// <summary>The fixed L1 chain id.</summary>
    public const int ChainId = 1337;

    /// <summary>keccak256("Agent(string source,bytes32 connectionId)").</summary>
    public static byte[] AgentTypeHash { get; } = Keccak.Hash("Agent(string source,bytes32 connectionId)");

    /// <summary>The "Exchange" domain separator.</summary>
    public static byte[] DomainSeparator { get; } = Eip712.DomainSeparator("Exchange", "1", ChainId);

    /// <summary>The bytes hashed into the connection id.</summary>
    public static byte[] Preimage(JsonNode action, ulong nonce, string? vaultAddress, ulong? expiresAfter)
    {
        var packed = ActionMsgpack.Encode(action);
        var vault = vaultAddress is null ? null : Hex.Decode(vaultAddress, "vault address");
        if (vault is not null && vault.Length != 20)
        {
            throw new FormatException("vault address must be 20 bytes");
        }

        var length = packed.Length + 8 + 1 + (vault?.Length ?? 0) + (expiresAfter is null ? 0 : 9);
        var data = new byte[length];
        packed.CopyTo(data, 0);
        var at = packed.Length;
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(at), nonce);
        at += 8;
        data[at++] = vault is null ? (byte)0 : (byte)1;
        if (vault is not null)
        {
            vault.CopyTo(data, at);
            at += 20;
        }

        if (expiresAfter is { } expires)
        {
            data[at++] = 0;
            BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(at), expires);
        }

        return data;
    }

    /// <summary>The action hash (phantom agent connectionId).</summary>
    public static byte[] ActionHash(JsonNode action, ulong nonce, string? vaultAddress, ulong? expiresAfter) =>
        Keccak.Hash(Preimage(action, nonce, vaultAddress, expiresAfter));

    /// <summary>hashStruct(Agent{source, connectionId}).</summary>
    public static byte[] AgentStructHash(ReadOnlySpan<byte> connectionId, HyperliquidNetwork network)
    {
        var data = new byte[96];
        AgentTypeHash.CopyTo(data, 0);
        Keccak.Hash(network == HyperliquidNetwork.Mainnet ? "a" : "b").CopyTo(data, 32);
        connectionId.CopyTo(data.AsSpan(64));
        return Keccak.Hash(data);
    }

    /// <summary>The EIP-712 digest that is signed for an action hash.</summary>
    public static byte[] Digest(ReadOnlySpan<byte> connectionId, HyperliquidNetwork network) =>
        Eip712.Digest(DomainSeparator, AgentStructHash(connectionId, network));

    /// <summary>Signs an L1 action.</summary>
    public static SignedL1Action Sign(HyperliquidPrivateKey key, JsonNode action, ulong nonce, string? vaultAddress, ulong? expiresAfter, HyperliquidNetwork network)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = ActionHash(action, nonce, vaultAddress, expiresAfter);
        var signature = key.Sign(Digest(hash, network));
        return new SignedL1Action(hash, signature, key.Address);
    }

    /// <summary>The address that signed an L1 action, or null when the signature does not recover.</summary>
    public static string? RecoverSigner(JsonNode action, ulong nonce, string? vaultAddress, ulong? expiresAfter, HyperliquidNetwork network, EcdsaSignature signature) =>
        Secp256k1.RecoverAddress(Digest(ActionHash(action, nonce, vaultAddress, expiresAfter), network), signature);
}
