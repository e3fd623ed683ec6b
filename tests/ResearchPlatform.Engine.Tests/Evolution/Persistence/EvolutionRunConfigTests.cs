using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Operators;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Evolution.WalkForward;

namespace ResearchPlatform.Engine.Tests.Evolution.Persistence;

public sealed class EvolutionRunConfigTests
{
    [Fact]
    public void Read_NewConfig_RoundTripsTheNichingAndHallOfFameOptions()
    {
        var config = new EvolutionRunConfig(
            new EvolutionOptions { Niching = NichingMode.Sharing, SharingRadius = 0.25, NicheQuota = 0.2, HallOfFameMinDistance = 0.1, HallOfFamePerType = 3 },
            new WalkForwardOptions(4),
            new BacktestOptions());

        var read = EvolutionRunConfig.Read(PersistenceJson.Write(config), "test");

        Assert.Equal(config.Evolution with { SeedTypeWeights = null }, read.Evolution with { SeedTypeWeights = null });
    }

    [Fact]
    public void Read_ConfigStoredBeforeNiching_ResumesWithoutNichingAndWithAFitnessOnlyHallOfFame()
    {
        var json = PersistenceJson.Write(new EvolutionRunConfig(new EvolutionOptions { HallOfFameMinDistance = 0.02 }, new WalkForwardOptions(4), new BacktestOptions()))
            .Replace("\"niching\":\"species\",", string.Empty, StringComparison.Ordinal)
            .Replace("\"hall_of_fame_per_type\":1,", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("niching", json, StringComparison.Ordinal);
        Assert.DoesNotContain("per_type", json, StringComparison.Ordinal);

        var read = EvolutionRunConfig.Read(json, "test").Evolution;

        Assert.Equal(NichingMode.None, read.Niching);
        Assert.Equal(0, read.HallOfFamePerType);
        Assert.Equal(0.02, read.HallOfFameMinDistance);
        Assert.Equal(0.1, read.NicheQuota);
    }
}
