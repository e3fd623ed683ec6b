namespace ResearchPlatform.Engine.Alerts.Channels;

/// <summary>A failed delivery attempt. <see cref="Retryable"/> is false for errors a retry cannot fix (bad auth, 4xx).</summary>
public sealed class AlertDeliveryException : Exception
{
    public AlertDeliveryException(string message, bool retryable, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        Retryable = retryable;
        RetryAfter = retryAfter;
    }

    public AlertDeliveryException()
        : this("delivery failed", true)
    {
    }

    public AlertDeliveryException(string message)
        : this(message, true)
    {
    }

    public AlertDeliveryException(string message, Exception inner)
        : this(message, true, null, inner)
    {
    }

    /// <summary>True when a later attempt may succeed (timeouts, 5xx, 429, connection errors).</summary>
    public bool Retryable { get; }

    /// <summary>The wait the server asked for (429 Retry-After), if any.</summary>
    public TimeSpan? RetryAfter { get; }
}
