namespace ResearchPlatform.Host.Notebooks;

/// <summary>The outcome of one notebook run.</summary>
/// <param name="Input">The notebook run.</param>
/// <param name="Output">The executed notebook written.</param>
/// <param name="Succeeded">Every code cell ran without error.</param>
/// <param name="CellsRun">Code cells executed (the failing one included).</param>
/// <param name="Failure">The failing cell, when one failed.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Warnings">Non-fatal problems (undeclared parameters, skipped non-C# cells).</param>
/// <param name="TimedOut">The failure was a cell over its time limit; its thread may still be running.</param>
internal sealed record NotebookRunResult(
    string Input,
    string Output,
    bool Succeeded,
    int CellsRun,
    NotebookCellFailure? Failure,
    TimeSpan Elapsed,
    IReadOnlyList<string> Warnings,
    bool TimedOut);
