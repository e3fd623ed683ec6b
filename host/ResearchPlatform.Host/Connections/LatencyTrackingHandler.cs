using System.Diagnostics;

namespace ResearchPlatform.Host.Connections;

/// <summary>Innermost handler: times every attempt and records its endpoint, latency and outcome.</summary>
internal sealed class LatencyTrackingHandler(string service, RetailConnectionOptimizer optimizer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = request.RequestUri?.AbsolutePath ?? "/";
        var sw = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var ok = (int)response.StatusCode < 500 && (int)response.StatusCode != 429;
            optimizer.Record(service, endpoint, sw.Elapsed, ok, ok ? null : $"HTTP {(int)response.StatusCode}");
            return response;
        }
        catch (Exception ex)
        {
            optimizer.Record(service, endpoint, sw.Elapsed, false, ex is OperationCanceledException ? "timeout or cancelled" : ex.GetType().Name + ": " + ex.Message);
            throw;
        }
    }
}
