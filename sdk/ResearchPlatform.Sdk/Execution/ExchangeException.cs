namespace ResearchPlatform.Sdk.Execution;

/// <summary>A failed venue call, classified so callers can retry transient failures and resolve ambiguous ones.</summary>
public sealed class ExchangeException : Exception
{
    /// <summary>Creates an exception of the given kind.</summary>
    public ExchangeException(ExchangeErrorKind kind, string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        Kind = kind;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates a timeout exception (for serializers and analyzers).</summary>
    public ExchangeException()
        : this(ExchangeErrorKind.Timeout, "exchange call failed")
    {
    }

    /// <summary>Creates a timeout exception with a message.</summary>
    public ExchangeException(string message)
        : this(ExchangeErrorKind.Timeout, message)
    {
    }

    /// <summary>Creates a timeout exception wrapping another.</summary>
    public ExchangeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = ExchangeErrorKind.Timeout;
    }

    /// <summary>The failure class.</summary>
    public ExchangeErrorKind Kind { get; }

    /// <summary>For <see cref="ExchangeErrorKind.RateLimited"/>: how long the venue asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for timeouts, rate limits and server errors: worth retrying.</summary>
    public bool IsTransient => Kind is ExchangeErrorKind.Timeout or ExchangeErrorKind.RateLimited or ExchangeErrorKind.ServerError;

    /// <summary>True when the request may have been applied although no answer arrived (timeouts, server errors).</summary>
    public bool IsAmbiguous => Kind is ExchangeErrorKind.Timeout or ExchangeErrorKind.ServerError;
}
