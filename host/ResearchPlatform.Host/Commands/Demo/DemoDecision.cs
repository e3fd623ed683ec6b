namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>A decision the demo took through the decision engine, how it was routed, and what it changed.</summary>
internal sealed record DemoDecision(string Id, string Type, string Summary, double Confidence, string Routing, string Reasoning, IReadOnlyList<string> Changes);
