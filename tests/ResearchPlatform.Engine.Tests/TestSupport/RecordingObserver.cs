using ResearchPlatform.Engine.Evolution;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>Keeps every generation snapshot; optionally cancels after a given generation.</summary>
internal sealed class RecordingObserver : IEvolutionObserver
{
    private readonly CancellationTokenSource? _cancelAfter;
    private readonly int _cancelGeneration;

    public RecordingObserver(CancellationTokenSource? cancelAfter = null, int cancelGeneration = -1)
    {
        _cancelAfter = cancelAfter;
        _cancelGeneration = cancelGeneration;
    }

    public List<GenerationSnapshot> Snapshots { get; } = [];

    public ValueTask OnGenerationAsync(GenerationSnapshot snapshot, CancellationToken ct)
    {
        Snapshots.Add(snapshot);
        if (snapshot.Generation == _cancelGeneration)
        {
            _cancelAfter?.Cancel();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A checkpoint after generation <paramref name="generation"/>, built only from what observers saw.</summary>
    public EvolutionCheckpoint CheckpointAt(int generation)
    {
        var upTo = Snapshots.Where(s => s.Generation <= generation).ToList();
        return new EvolutionCheckpoint(
            generation,
            upTo[^1].Population.Select(p => p.Individual).ToList(),
            upTo.SelectMany(s => s.NewlyEvaluated).ToList(),
            upTo.Select(s => s.Stats).ToList());
    }
}
