namespace ResearchPlatform.Hyperliquid.Venue;

/// <summary>
/// Nonces per signer as the exchange keeps them: the 100 highest; a new nonce must be unused, larger than the smallest
/// kept once 100 are kept, and within (now - 2 days, now + 1 day). Error strings as the exchange reports them.
/// </summary>
internal sealed class NonceBook
{
    private const int Kept = 100;
    private readonly Dictionary<string, SortedSet<long>> _bySigner = new(StringComparer.Ordinal);

    /// <summary>Null when accepted (and recorded), else the exchange's error string.</summary>
    public string? TryUse(string signer, long nonce, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        if (nonce <= nowMs - (2 * 86_400_000L))
        {
            return $"Invalid nonce: nonce too low {nonce} < {nowMs - (2 * 86_400_000L)}";
        }

        if (nonce >= nowMs + 86_400_000L)
        {
            return $"Invalid nonce: nonce too high {nonce} > {nowMs + 86_400_000L}";
        }

        if (!_bySigner.TryGetValue(signer, out var set))
        {
            _bySigner[signer] = set = [];
        }

        if (set.Contains(nonce))
        {
            return $"Invalid nonce: duplicate nonce {nonce}";
        }

        if (set.Count >= Kept && nonce <= set.Min)
        {
            return $"Invalid nonce: nonce too low {nonce} < {set.Min}";
        }

        set.Add(nonce);
        if (set.Count > Kept)
        {
            set.Remove(set.Min);
        }

        return null;
    }
}
