namespace ResearchPlatform.Engine.Data.Parsing;

/// <summary>How a parsed record's position is described in error messages.</summary>
internal enum RecordLocationKind
{
    /// <summary>Text line: <c>file:57</c>.</summary>
    Line,

    /// <summary>An element of a JSON array: <c>file:1: bar #1234</c> (compact JSON puts every bar on line 1).</summary>
    JsonBar,

    /// <summary>A row of a columnar file: <c>file: row 12</c>.</summary>
    Row,
}
