namespace ResearchPlatform.Sdk.Alerts;

/// <summary>How serious an alert is; channels are given a minimum level.</summary>
public enum AlertLevel
{
    /// <summary>For the record; nobody needs to act.</summary>
    Informational,

    /// <summary>Something to look at soon.</summary>
    Warning,

    /// <summary>Something to act on now; escalates when not acknowledged.</summary>
    Critical,

    /// <summary>Trading is at risk or halted; escalates when not acknowledged.</summary>
    Emergency,
}
