namespace ResearchPlatform.Host.Lifecycle;

/// <summary>Whether a component's failure blocks trading (critical) or only degrades the system (optional).</summary>
public enum ComponentKind
{
    Critical,
    Optional,
}
