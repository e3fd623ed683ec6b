namespace ResearchPlatform.Engine.Data;

/// <summary>
/// Missing bars between two present ones. <see cref="From"/> is the open time of the first missing bar, <see cref="To"/>
/// the open time of the bar where data resumes (exclusive), so <c>To - From = MissingBars × interval</c>.
/// </summary>
public sealed record Gap(DateTimeOffset From, DateTimeOffset To, long MissingBars);
