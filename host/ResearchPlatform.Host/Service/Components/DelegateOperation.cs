using ResearchPlatform.Host.Lifecycle;

namespace ResearchPlatform.Host.Service.Components;

/// <summary>An operation made of a function.</summary>
internal sealed class DelegateOperation(string name, Func<IReadOnlyDictionary<string, string>, CancellationToken, Task<object?>> run) : IOperationHandler
{
    public string Name => name;

    public Task<object?> ExecuteAsync(IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken) => run(args, cancellationToken);
}
