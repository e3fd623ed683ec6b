using System.Globalization;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>A compile or policy error in a rule, located in the .csx file's own lines (1-based).</summary>
/// <param name="File">Rule file path.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Code">Compiler id (CS0103) or RP0001 for a forbidden API.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RuleDiagnostic(string File, int Line, int Column, string Code, string Message)
{
    /// <summary><c>file:line:column: code: message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Code}: {Message}");
}
