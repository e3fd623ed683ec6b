namespace ResearchPlatform.Engine.Resilience;

/// <summary>A supervised component made of a name and a run function.</summary>
internal sealed class SupervisedTask(string name, Func<CancellationToken, Task> run) : ISupervisedComponent
{
    public string Name => name;

    public Task RunAsync(CancellationToken cancellationToken) => run(cancellationToken);
}
