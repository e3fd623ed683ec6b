namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>One explicit demo change to a gate of <c>rules/thresholds.json</c> (or the deployment policy), printed and reported.</summary>
internal sealed record DemoOverride(string Name, double From, double To, string Why);
