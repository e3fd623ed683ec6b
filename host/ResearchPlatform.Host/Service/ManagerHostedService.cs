using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using ResearchPlatform.Host.Lifecycle;

namespace ResearchPlatform.Host.Service;

/// <summary>Runs the trading system manager inside the Generic Host: start on host start, reverse stop on shutdown.</summary>
internal sealed class ManagerHostedService(TradingSystemManager manager) : IHostedService
{
    /// <summary>The health reached at the end of start, and how long the start took.</summary>
    public (HealthReport Health, TimeSpan Elapsed)? Started { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var sw = Stopwatch.StartNew();
        var health = await manager.StartAsync(cancellationToken);
        Started = (health, sw.Elapsed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => manager.StopAsync(cancellationToken);
}
