namespace ResearchPlatform.Engine.Deployment;

/// <summary>What applying a decision or a checkpoint changed, and what it could not apply (with the reason).</summary>
/// <param name="Transitions">The transitions made, in order.</param>
/// <param name="Skipped">Requests not applied, each naming the strategy and why.</param>
public sealed record DeploymentOutcome(IReadOnlyList<StrategyTransition> Transitions, IReadOnlyList<string> Skipped)
{
    /// <summary>Nothing changed.</summary>
    public static DeploymentOutcome None { get; } = new([], []);
}
