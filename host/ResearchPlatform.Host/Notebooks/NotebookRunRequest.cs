namespace ResearchPlatform.Host.Notebooks;

/// <summary>What to run: input, output, papermill-style parameters and the per-cell time limit.</summary>
internal sealed record NotebookRunRequest(
    string InputPath,
    string OutputPath,
    IReadOnlyDictionary<string, string> Parameters,
    TimeSpan CellTimeout);
