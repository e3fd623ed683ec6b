using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Resilience;

/// <summary>
/// Restart policy of the <see cref="ResilienceManager"/>. A fault is followed by a restart after
/// <c>min(BaseBackoff x 2^(n-1), MaxBackoff)</c> (n = faults within <see cref="Window"/>), multiplied by a seeded
/// jitter factor in <c>[1 - Jitter, 1 + Jitter]</c>; the fault that makes the count within the window exceed
/// <see cref="MaxRestarts"/> escalates instead (CRITICAL alert, risk level raised to at least
/// <see cref="EscalationRiskLevel"/>).
/// </summary>
internal sealed record ResilienceOptions
{
    /// <summary>Restarts allowed within <see cref="Window"/> before the next fault escalates.</summary>
    public int MaxRestarts { get; init; } = 5;

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Jitter as a fraction of the backoff (0 = none, 0.2 = +/- 20 %).</summary>
    public double Jitter { get; init; } = 0.2;

    public int Seed { get; init; } = 17;

    /// <summary>The level the risk manager is raised to (at least) when a component escalates.</summary>
    public RiskLevel EscalationRiskLevel { get; init; } = RiskLevel.High;

    /// <summary>How many recent errors each status keeps.</summary>
    public int KeptErrors { get; init; } = 5;

    /// <summary>Lists every invalid field at once; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxRestarts is < 0 or > 1000)
        {
            problems.Add("max_restarts: must be 0..1000");
        }

        if (Window <= TimeSpan.Zero)
        {
            problems.Add("window: must be positive");
        }

        if (BaseBackoff <= TimeSpan.Zero)
        {
            problems.Add("base_backoff: must be positive");
        }

        if (MaxBackoff < BaseBackoff)
        {
            problems.Add("max_backoff: must be >= base_backoff");
        }

        if (Jitter is < 0 or >= 1 || double.IsNaN(Jitter))
        {
            problems.Add("jitter: must be within 0..1 (exclusive)");
        }

        if (KeptErrors < 1)
        {
            problems.Add("kept_errors: must be at least 1");
        }

        return problems;
    }
}
