namespace ResearchPlatform.Engine.Resilience;

/// <summary>A component that exhausted its restarts: who, how many restarts it had, its recent errors, when.</summary>
internal sealed record ComponentEscalation(string Component, int Restarts, int FaultsInWindow, IReadOnlyList<string> RecentErrors, DateTimeOffset At);
