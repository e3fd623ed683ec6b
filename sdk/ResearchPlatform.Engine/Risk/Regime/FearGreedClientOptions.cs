namespace ResearchPlatform.Engine.Risk.Regime;

/// <summary>Settings of <see cref="FearGreedClient"/>.</summary>
/// <param name="BaseUri">API root; the client requests <c>fng/?limit=N</c> under it.</param>
/// <param name="CacheTtl">How long a successful fetch is served without calling the API again (the index updates daily).</param>
/// <param name="Timeout">Per-request timeout.</param>
internal sealed record FearGreedClientOptions(Uri BaseUri, TimeSpan CacheTtl, TimeSpan Timeout)
{
    public static FearGreedClientOptions Default { get; } =
        new(new Uri("https://api.alternative.me/"), TimeSpan.FromHours(1), TimeSpan.FromSeconds(10));
}
