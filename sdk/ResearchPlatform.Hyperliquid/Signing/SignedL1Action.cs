namespace ResearchPlatform.Hyperliquid.Signing;

/// <summary>The result of signing an L1 action: the action hash (connectionId), the signature and the signer.</summary>
public sealed record SignedL1Action(byte[] ActionHash, EcdsaSignature Signature, string Signer)
{
    /// <summary>The action hash as "0x" + 64 hex digits.</summary>
    public string ActionHashHex => Hex.Encode(ActionHash);
}
