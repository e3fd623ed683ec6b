using System.Text.Json;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Operators;
using ResearchPlatform.Engine.Evolution.WalkForward;
using ResearchPlatform.Host.Service.Evolution;

namespace ResearchPlatform.Host.Tests.Service.Evolution;

public sealed class EvolutionRequestTests
{
    [Fact]
    public void Parse_EmptyBody_DefaultsToReplaySymbolAndSmallRun()
    {
        var (request, error) = EvolutionRequest.Parse(null, "BTC/USD", "1d");

        Assert.Null(error);
        Assert.Equal("BTC/USD", request!.Symbol);
        Assert.Equal("1d", request.Interval);
        Assert.Equal(16, request.Population);
        Assert.Equal(30, request.Generations);
        Assert.Equal(1, request.Threads);
        Assert.Equal(EvolutionObjective.Composite, request.Objective);
        Assert.Null(request.ToEvolutionOptions().TimeBudget);
        Assert.Empty(request.ToEvolutionOptions().Validate());
    }

    [Fact]
    public void Parse_ParetoTimeBoxed_MapsToEngineOptions()
    {
        var (request, error) = EvolutionRequest.Parse(
            Body("""{"symbol":"ETH/USD","interval":"1h","objective":"Pareto","population":24,"generations":500,"time_budget_seconds":2.5,"stagnation":0,"folds":2,"holdout":0.1,"seed":7}"""),
            "BTC/USD",
            "1d");

        Assert.Null(error);
        var options = request!.ToEvolutionOptions();
        Assert.Equal("ETH/USD", request.Symbol);
        Assert.Equal("1h", request.Interval);
        Assert.Equal(EvolutionObjective.Pareto, options.Objective);
        Assert.Equal(24, options.PopulationSize);
        Assert.Equal(500, options.Generations);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.TimeBudget);
        Assert.Equal(0, options.StagnationGenerations);
        Assert.Equal(7, options.Seed);
        Assert.Equal(2, request.ToWalkForward().Folds);
        Assert.Equal(0.1, request.ToWalkForward().HoldoutFraction);
    }

    [Theory]
    [InlineData("""{"population":3}""", "field 'population'")]
    [InlineData("""{"population":"16"}""", "field 'population'")]
    [InlineData("""{"generations":0}""", "field 'generations'")]
    [InlineData("""{"objective":"best"}""", "field 'objective'")]
    [InlineData("""{"objective":"1"}""", "field 'objective'")]
    [InlineData("""{"time_budget_seconds":-1}""", "field 'time_budget_seconds'")]
    [InlineData("""{"holdout":0.95}""", "field 'holdout'")]
    [InlineData("""{"symbol":5}""", "field 'symbol'")]
    [InlineData("""{"populaton":20}""", "field 'populaton': unknown")]
    [InlineData("""{"tournament_size":99}""", "field 'tournament_size': must be in [1, population]")]
    [InlineData("""{"hof_min_distance":2}""", "field 'hof_min_distance': must be in [0, 1]")]
    [InlineData("""{"embargo":-1}""", "field 'embargo'")]
    [InlineData("""{"crossover":"uniform"}""", "field 'crossover': 'uniform' is not sbx or blend")]
    [InlineData("""{"niching":"islands"}""", "field 'niching': 'islands' is not species or sharing or none")]
    [InlineData("""{"fold_mode":"expanding"}""", "field 'fold_mode'")]
    [InlineData("""{"pareto_metrics":["sharpe","trades"]}""", "field 'pareto_metrics': applies only with field 'objective' pareto")]
    [InlineData("""{"objective":"pareto","pareto_metrics":["sharpe"]}""", "field 'pareto_metrics': give exactly two metrics")]
    [InlineData("""{"seed_types":{"momentum":"3"}}""", "field 'seed_types': 'momentum' must be a number")]
    [InlineData("""{"seed_types":{"momentum":-1}}""", "field 'seed_types': weight of 'momentum' must be >= 0")]
    [InlineData("""{"fitness_weights":"luck=1"}""", "field 'fitness_weights': unknown key 'luck'")]
    public void Parse_BadField_ErrorNamesTheField(string json, string expected)
    {
        var (request, error) = EvolutionRequest.Parse(Body(json), "BTC/USD", "1d");

        Assert.Null(request);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EvolveSettings_MappedByTheCommandsCode()
    {
        var (request, error) = EvolutionRequest.Parse(
            Body("""
                {"objective":"pareto","pareto_metrics":["annual_return","trades"],"seed_types":{"momentum":2,"breakout":1},"min_trades":3,
                 "crossover_rate":0.5,"immigrant_ratio":0.05,"diversity_floor":0.1,"hall_of_fame":7,"niching":"none","hof_min_distance":0.2,
                 "fitness_weights":{"return":2},"fold_mode":"anchored","embargo":5}
                """),
            "BTC/USD",
            "1d");

        Assert.Null(error);
        Assert.Equal("momentum,breakout", request!.SeedTypes);
        var options = request.ToEvolutionOptions(["Momentum", "breakout"]);
        Assert.Equal((ObjectiveMetric.AnnualReturn, ObjectiveMetric.Trades), (options.Objective1, options.Objective2));
        Assert.Equal(2, options.SeedTypeWeights!["Momentum"]);
        Assert.Equal(new CompositeFitnessOptions(ReturnWeight: 2, MinTrades: 3), options.Fitness);
        Assert.Equal(0.5, options.CrossoverRate);
        Assert.Equal(0.05, options.ImmigrantRatio);
        Assert.Equal(0.1, options.DiversityFloor);
        Assert.Equal(7, options.HallOfFameSize);
        Assert.Equal(NichingMode.None, options.Niching);
        Assert.Equal(0.2, options.HallOfFameMinDistance);
        Assert.Equal(new EvolutionOptions().TournamentSize, options.TournamentSize); // not given: the default
        Assert.Equal(FoldMode.Anchored, request.ToWalkForward().Mode);
        Assert.Equal(5, request.ToWalkForward().EmbargoBars);
    }

    [Fact]
    public void Parse_NoSymbolAndNoReplay_ErrorNamesSymbol()
    {
        var (request, error) = EvolutionRequest.Parse(Body("{}"), null, "1h");

        Assert.Null(request);
        Assert.StartsWith("field 'symbol'", error, StringComparison.Ordinal);
    }

    private static JsonElement Body(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
