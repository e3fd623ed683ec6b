using System.Globalization;
using Microsoft.Extensions.Configuration;
using ResearchPlatform.Engine.Resilience;
using ResearchPlatform.Engine.Resilience.Disaster;

namespace ResearchPlatform.Host.Service.Components;

/// <summary>
/// Section <c>Resilience</c> of <c>rp serve --config</c>: restart policy, disaster-mode limits, snapshot interval; and
/// the two test-only switches, read from the environment and off unless set: <c>RP_TEST_FAULT_COMPONENT=NAME</c>
/// (that supervised component throws an injected fault every time it starts) and <c>RP_TEST_VENUE_OUTAGE=BAR:MS</c>
/// (before bar BAR every simulated venue becomes unreachable for MS milliseconds of wall time).
/// </summary>
internal sealed class ResilienceSettings
{
    public const string Section = "Resilience";

    public int MaxRestarts { get; set; } = 5;

    public int WindowSeconds { get; set; } = 600;

    public int BaseBackoffMs { get; set; } = 1000;

    public int MaxBackoffMs { get; set; } = 60_000;

    public int FailureLimit { get; set; } = 3;

    public int UnreachableAfterMs { get; set; } = 30_000;

    public int ProbeIntervalMs { get; set; } = 1000;

    public int ProbeTimeoutMs { get; set; } = 5000;

    public int SnapshotIntervalMs { get; set; } = 1000;

    /// <summary>Test-only: the supervised component that faults on every start (null = none).</summary>
    public string? FaultComponent { get; set; }

    /// <summary>Test-only: (bar, duration) of a simulated venue outage (null = none).</summary>
    public (int Bar, TimeSpan Duration)? VenueOutage { get; set; }

    public TimeSpan SnapshotInterval => TimeSpan.FromMilliseconds(SnapshotIntervalMs);

    public ResilienceOptions Supervision => new()
    {
        MaxRestarts = MaxRestarts,
        Window = TimeSpan.FromSeconds(WindowSeconds),
        BaseBackoff = TimeSpan.FromMilliseconds(BaseBackoffMs),
        MaxBackoff = TimeSpan.FromMilliseconds(MaxBackoffMs),
    };

    public DisasterModeOptions Disaster => new()
    {
        FailureLimit = FailureLimit,
        UnreachableAfter = TimeSpan.FromMilliseconds(UnreachableAfterMs),
        ProbeInterval = TimeSpan.FromMilliseconds(ProbeIntervalMs),
        ProbeTimeout = TimeSpan.FromMilliseconds(ProbeTimeoutMs),
    };

    /// <summary>Every invalid field at once (section name included).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = Supervision.Validate().Concat(Disaster.Validate()).Select(p => $"{Section}: {p}").ToList();
        if (SnapshotIntervalMs < 10)
        {
            problems.Add($"{Section}: snapshot_interval_ms: must be at least 10");
        }

        return problems;
    }

    public static ResilienceSettings Load(IConfiguration configuration)
    {
        var settings = new ResilienceSettings();
        configuration.GetSection(Section).Bind(settings);
        settings.FaultComponent = Environment.GetEnvironmentVariable("RP_TEST_FAULT_COMPONENT") is { Length: > 0 } f ? f : null;
        if (Environment.GetEnvironmentVariable("RP_TEST_VENUE_OUTAGE") is { Length: > 0 } outage)
        {
            var parts = outage.Split(':');
            settings.VenueOutage = parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var bar)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                ? (bar, TimeSpan.FromMilliseconds(ms))
                : throw new Cli.BadInputException($"RP_TEST_VENUE_OUTAGE '{outage}': expected BAR:MILLISECONDS");
        }

        return settings;
    }
}
