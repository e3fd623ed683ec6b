namespace ResearchPlatform.Hyperliquid.Signing;

/// <summary>
/// Nonces for one signer: millisecond timestamps, strictly increasing even when called faster than once per ms or
/// concurrently (next = max(now_ms, last + 1)), fast-forwarding to the clock when it is ahead. Use one instance per
/// signing key (the exchange keeps nonces per signer).
/// </summary>
public sealed class NonceProvider
{
    private readonly TimeProvider _time;
    private long _last;

    public NonceProvider(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>The last nonce handed out (0 before the first).</summary>
    public long Last => Interlocked.Read(ref _last);

    /// <summary>The next nonce.</summary>
    public long Next()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
