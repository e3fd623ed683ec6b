namespace ResearchPlatform.Engine.Data;

/// <summary>One thing wrong with an input file: where (<c>file:line</c>, or <c>file: row N</c> for Parquet) and what.</summary>
/// <param name="Location">The file and line (or record) the problem is on, e.g. <c>/data/BTC.csv:57</c>.</param>
/// <param name="Line">The 1-based line (text files) or row (Parquet) number; 0 when the problem concerns the whole file.</param>
/// <param name="Message">What is wrong, naming the field and value.</param>
public sealed record DataError(string Location, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Message}";
}
