namespace ResearchPlatform.Engine.Evolution;

/// <summary>Invalid run configuration; <see cref="Errors"/> lists every problem, each naming its field.</summary>
public sealed class EvolutionConfigurationException : Exception
{
    public EvolutionConfigurationException(IReadOnlyList<string> errors)
        : base("invalid evolution configuration: " + string.Join("; ", errors ?? []))
    {
        Errors = errors ?? [];
    }

    public EvolutionConfigurationException()
        : this([])
    {
    }

    public EvolutionConfigurationException(string message)
        : base(message)
    {
        Errors = [message];
    }

    public EvolutionConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Errors { get; }
}
