namespace ResearchPlatform.Cluster.Contracts;

/// <summary>One evaluation window of the plan.</summary>
/// <param name="Fold">Walk-forward fold (-1 for the hold-out).</param>
/// <param name="Role">0 train, 1 test, 2 hold-out (the engine's WindowRole values).</param>
/// <param name="Start">First bar index.</param>
/// <param name="Length">Bars in the window.</param>
/// <param name="StrictlyOutOfSample">For test windows: no training window touches it.</param>
[GenerateSerializer, Immutable, Alias("rp.WindowDto")]
internal sealed record WindowDto(
    [property: Id(0)] int Fold,
    [property: Id(1)] int Role,
    [property: Id(2)] int Start,
    [property: Id(3)] int Length,
    [property: Id(4)] bool StrictlyOutOfSample);
