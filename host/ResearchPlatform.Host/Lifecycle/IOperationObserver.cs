namespace ResearchPlatform.Host.Lifecycle;

/// <summary>Sees every operation outcome (the connection optimizer uses failures and latencies).</summary>
public interface IOperationObserver
{
    void OnOperation(string name, TimeSpan elapsed, bool succeeded, string? error);
}
