namespace ResearchPlatform.Host.Lifecycle;

/// <summary>Dependency tier: components start tier by tier in this order and stop in the reverse order.</summary>
public enum ComponentTier
{
    /// <summary>Connection management (HTTP pipelines, optimizer).</summary>
    Connections = 0,

    /// <summary>Data clients: market data, Fear &amp; Greed.</summary>
    DataClients = 1,

    /// <summary>Engines: risk manager, position sizer, order manager, paper engine, decision engine, strategy pool.</summary>
    Engines = 2,

    /// <summary>Monitoring and alerting.</summary>
    Monitoring = 3,
}
