using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Resilience.Disaster;

/// <summary>
/// One venue connection disaster mode watches, with the order manager that trades through it. <see cref="Probe"/>
/// replaces the default probe (an open-orders query) where a query would have side effects (the simulated venue's
/// latency model in a deterministic replay).
/// </summary>
internal sealed record DisasterTarget(string Name, IExchangeAdapter Venue, OrderManager Manager, Func<CancellationToken, ValueTask>? Probe = null);
