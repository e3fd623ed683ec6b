namespace ResearchPlatform.Engine.Decisions;

/// <summary>The outcome of compiling one rule file: the rule, or the errors (never both).</summary>
/// <param name="Rule">The compiled rule when there were no errors.</param>
/// <param name="Errors">Errors with file:line:column in the .csx's own lines.</param>
/// <param name="FromCache">True when an identical content was already compiled.</param>
public sealed record RuleCompileResult(CompiledRule? Rule, IReadOnlyList<RuleDiagnostic> Errors, bool FromCache = false)
{
    /// <summary>True when the rule compiled.</summary>
    public bool Succeeded => Rule is not null;
}
