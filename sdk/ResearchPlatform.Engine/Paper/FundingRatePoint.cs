namespace ResearchPlatform.Engine.Paper;

/// <summary>A perp funding rate from data: the rate paid (by longs, when positive) at one funding time.</summary>
internal sealed record FundingRatePoint(DateTimeOffset Time, decimal Rate);
