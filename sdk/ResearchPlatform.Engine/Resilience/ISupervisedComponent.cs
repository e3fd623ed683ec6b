namespace ResearchPlatform.Engine.Resilience;

/// <summary>
/// A long-running part of the system the <see cref="ResilienceManager"/> keeps alive. <see cref="RunAsync"/> runs until
/// its token is cancelled (or the work is done: a normal return means "stopped"); a throw is a
/// fault, after which the manager calls <see cref="RunAsync"/> again after a backoff. A component must therefore be
/// able to continue from where it stopped (e.g. the paper replay continues at its next bar).
/// </summary>
internal interface ISupervisedComponent
{
    string Name { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
