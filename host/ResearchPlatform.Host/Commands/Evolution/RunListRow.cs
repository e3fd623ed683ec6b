namespace ResearchPlatform.Host.Commands.Evolution;

/// <summary>One line of <c>rp runs list</c>.</summary>
internal sealed record RunListRow(
    string RunId,
    string Status,
    string Symbol,
    string Interval,
    int Population,
    int CompletedGenerations,
    int MaxGenerations,
    double? BestFitness,
    double? DeflatedSharpe,
    string CreatedAt);
