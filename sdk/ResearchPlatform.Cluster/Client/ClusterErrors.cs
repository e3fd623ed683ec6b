using Polly.Timeout;

namespace ResearchPlatform.Cluster.Client;

/// <summary>Which failures mean "this silo is gone or unreachable: try a survivor".</summary>
internal static class ClusterErrors
{
    /// <summary>
    /// Timeouts (Orleans' response timeout, the batch timeout), unavailable silos, rejected messages, lost connections;
    /// a cancellation is transient only when the caller's own token was not cancelled.
    /// </summary>
    public static bool IsTransient(Exception ex, CancellationToken callerToken) => ex switch
    {
        TimeoutRejectedException or TimeoutException => true,
        SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException or Orleans.Networking.Shared.SocketConnectionException => true,
        SiloRefusedException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        OrleansException => true,
        _ => false,
    };

    /// <summary>Whether the failure was a timeout.</summary>
    public static bool IsTimeout(Exception ex, CancellationToken callerToken) =>
        ex is TimeoutRejectedException or TimeoutException || (ex is OperationCanceledException && !callerToken.IsCancellationRequested);
}
