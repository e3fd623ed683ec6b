using ResearchPlatform.Engine.Execution;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Resilience.Disaster;

/// <summary>One venue connection disaster mode watches, with the order manager that trades through it.</summary>
internal sealed record DisasterTarget(string Name, IExchangeAdapter Venue, OrderManager Manager);
