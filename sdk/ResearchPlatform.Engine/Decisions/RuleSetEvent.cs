namespace ResearchPlatform.Engine.Decisions;

/// <summary>Something happened to a rule file: compiled and swapped in, or failed (previous version kept).</summary>
/// <param name="File">Rule or thresholds file.</param>
/// <param name="Succeeded">True when the new version is live.</param>
/// <param name="Hash">Content hash of the new version (empty on failure).</param>
/// <param name="Errors">Errors, file:line:column, when it failed.</param>
public sealed record RuleSetEvent(string File, bool Succeeded, string Hash, IReadOnlyList<RuleDiagnostic> Errors);
