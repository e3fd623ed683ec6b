namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>Best and mean fitness of one stored generation of the demo's evolution run.</summary>
internal sealed record DemoGeneration(int Generation, double Best, double Mean);
