namespace ResearchPlatform.Host.Notebooks;

/// <summary>The cell that stopped a run.</summary>
/// <param name="CellIndex">Index in the notebook's <c>cells</c> array (0-based, markdown cells counted).</param>
/// <param name="CellId">The cell's nbformat id.</param>
/// <param name="ErrorName">Exception type or <c>CompilationError</c> / <c>CellTimeout</c>.</param>
/// <param name="Message">The compiler's diagnostics (<c>line:col: error CSxxxx: ...</c>, lines counted in the cell) or the exception message.</param>
internal sealed record NotebookCellFailure(int CellIndex, string CellId, string ErrorName, string Message)
{
    /// <summary>One-line description naming the notebook and the cell.</summary>
    public string Describe(string notebook) => $"{Path.GetFileName(notebook)}: cells[{CellIndex}] (id {CellId}) failed: {ErrorName}: {Message}";
}
