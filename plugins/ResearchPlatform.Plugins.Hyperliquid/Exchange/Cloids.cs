using System.Text;
using ResearchPlatform.Hyperliquid.Signing;

namespace ResearchPlatform.Plugins.Hyperliquid.Exchange;

/// <summary>
/// Client order ids: the exchange's cloid is 16 bytes ("0x" + 32 hex). An Sdk client order id that already is a cloid
/// is used as is; any other id maps to the first 16 bytes of its keccak-256, so the mapping is stable across restarts
/// (orderStatus and cancelByCloid work without local state).
/// </summary>
internal static class Cloids
{
    public static string FromClientOrderId(string clientOrderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId);
        if (IsCloid(clientOrderId))
        {
            return clientOrderId.ToLowerInvariant();
        }

        return Hex.Encode(Keccak.Hash(Encoding.UTF8.GetBytes(clientOrderId)).AsSpan(0, 16));
    }

    public static bool IsCloid(string text) =>
        text.Length == 34 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text[2..].All(Uri.IsHexDigit);
}
