namespace ResearchPlatform.Host.Lifecycle;

/// <summary>
/// A part of the trading system the <see cref="TradingSystemManager"/> starts and stops in dependency order. Start
/// returns the health the component reached (CONNECTED, DEGRADED with a reason, or ERROR); a throw or a timeout is an
/// ERROR. A component may report later changes through the <see cref="IComponentStatusSink"/> it receives.
/// </summary>
public interface IManagedComponent
{
    /// <summary>Unique name shown in health and the API, e.g. <c>order_manager</c>.</summary>
    string Name { get; }

    ComponentKind Kind { get; }

    ComponentTier Tier { get; }

    /// <summary>Longest start allowed; the manager marks the component ERROR when it is exceeded.</summary>
    TimeSpan StartTimeout => TimeSpan.FromSeconds(10);

    /// <summary>Longest stop allowed; the manager moves on to the next component when it is exceeded.</summary>
    TimeSpan StopTimeout => TimeSpan.FromSeconds(5);

    Task<ComponentHealth> StartAsync(IComponentStatusSink status, CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);
}
