using System.Text.Json;
using ResearchPlatform.Engine.Evolution;
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
    public void Parse_BadField_ErrorNamesTheField(string json, string expected)
    {
        var (request, error) = EvolutionRequest.Parse(Body(json), "BTC/USD", "1d");

        Assert.Null(request);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
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
