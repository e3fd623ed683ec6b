namespace ResearchPlatform.Engine.Evolution.Persistence;

/// <summary>Stores every completed generation of a run, then forwards it to an inner observer (e.g. a progress display).</summary>
internal sealed class PersistingObserver : IEvolutionObserver
{
    private readonly GenerationWriter _writer;
    private readonly string _runId;
    private readonly IEvolutionObserver? _inner;

    public PersistingObserver(GenerationWriter writer, string runId, IEvolutionObserver? inner)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _runId = runId;
        _inner = inner;
    }

    /// <inheritdoc />
    public async ValueTask OnGenerationAsync(GenerationSnapshot snapshot, CancellationToken ct)
    {
        _writer.WriteGeneration(_runId, snapshot);
        if (_inner is not null)
        {
            await _inner.OnGenerationAsync(snapshot, ct);
        }
    }
}
