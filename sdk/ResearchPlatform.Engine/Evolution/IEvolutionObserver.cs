namespace ResearchPlatform.Engine.Evolution;

/// <summary>Receives each completed generation (persistence, progress). Called on the GA's thread, in generation order.</summary>
internal interface IEvolutionObserver
{
    /// <summary>Called once a generation is evaluated and its statistics computed.</summary>
    ValueTask OnGenerationAsync(GenerationSnapshot snapshot, CancellationToken ct);
}
