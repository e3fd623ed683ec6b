using ResearchPlatform.Engine.Risk;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Alerts;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Engine.Tests.Resilience;

public sealed class RiskFloorTests
{
    [Fact]
    public void RaiseFloor_HighestFloorWins_ReleaseRestoresBreakerLevel()
    {
        var alerts = new RecordingAlertPublisher();
        var risk = new RiskManager(new RiskGenome(), new FixedTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))) { Alerts = alerts };
        var up = risk.RaiseFloor("resilience:feed", RiskLevel.High);
        Assert.Equal(RiskLevel.Low, up!.From);
        Assert.Equal(RiskLevel.High, risk.Level);
        Assert.Null(risk.RaiseFloor("resilience:other", RiskLevel.Moderate)); // below the current floor: no change
        Assert.Equal(RiskLevel.Critical, risk.RaiseFloor("disaster", RiskLevel.Critical)!.To);
        Assert.Equal(RiskLevel.High, risk.ReleaseFloor("disaster")!.To);
        Assert.Null(risk.ReleaseFloor("disaster"));
        risk.ReleaseFloor("resilience:feed");
        Assert.Equal(RiskLevel.Moderate, risk.Level);
        risk.ReleaseFloor("resilience:other");
        Assert.Equal(RiskLevel.Low, risk.Level);
        Assert.Empty(risk.Floors);
        Assert.Equal(5, alerts.Alerts.Count); // one alert per level change
        Assert.Equal(AlertLevel.Critical, alerts.Alerts[1].Level);
    }
}
