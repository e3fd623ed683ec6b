namespace ResearchPlatform.Host.Commands.Demo;

/// <summary>What <c>rp demo --json</c> prints: where everything is and the figures the report shows.</summary>
internal sealed record DemoResult(
    string Workspace,
    string Database,
    string Report,
    string AlertsFile,
    int AlertsFileLines,
    string Size,
    int Population,
    int Generations,
    string RunId,
    string? PaperSession,
    string? PaperFrom,
    string? PaperTo,
    double Seconds,
    IReadOnlyList<DemoOverride> Overrides,
    IReadOnlyList<DemoDecision> Decisions,
    IReadOnlyList<DemoStrategyRow> Strategies,
    IReadOnlyList<DemoGeneration> FitnessPerGeneration,
    int RiskEvents,
    string? ServeUrl);
