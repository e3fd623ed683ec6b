namespace ResearchPlatform.Sdk.Decisions;

/// <summary>How soon a decision must be acted on.</summary>
public enum Urgency
{
    /// <summary>Routine.</summary>
    Low,

    /// <summary>Act within the day.</summary>
    Medium,

    /// <summary>Act within the hour.</summary>
    High,

    /// <summary>Act now.</summary>
    Critical,
}
