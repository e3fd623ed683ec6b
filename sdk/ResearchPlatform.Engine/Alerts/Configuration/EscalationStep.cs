namespace ResearchPlatform.Engine.Alerts.Configuration;

/// <summary>After <paramref name="After"/> without acknowledgement (counted from the alert), notify <paramref name="Channels"/>.</summary>
public sealed record EscalationStep(TimeSpan After, IReadOnlyList<string> Channels);
