namespace ResearchPlatform.Sdk.Execution;

/// <summary>Why a venue call failed; decides whether the caller retries.</summary>
public enum ExchangeErrorKind
{
    /// <summary>No answer in time. Ambiguous: the request may or may not have been applied.</summary>
    Timeout,

    /// <summary>HTTP 429 or equivalent; see <see cref="ExchangeException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>HTTP 5xx or equivalent. Treated as ambiguous like a timeout.</summary>
    ServerError,

    /// <summary>The venue refused the request (bad parameters, post-only would cross, order already closed). Not retried.</summary>
    Rejected,

    /// <summary>The order or instrument is unknown to the venue. Not retried.</summary>
    NotFound,
}
