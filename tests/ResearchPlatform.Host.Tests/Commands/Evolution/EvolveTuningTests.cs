using System.Text.Json;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Fitness;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Commands.Evolution;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Commands.Evolution;

/// <summary>The GA's rates and sizes, the initial seed-type shares, the fitness weights and the NSGA-II metrics on the command line.</summary>
public sealed class EvolveTuningTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void SeedTypeWeights_IdsWithAndWithoutWeights_KeyedByThePluginsSpelling()
    {
        var weights = EvolveTuning.SeedTypeWeights("Momentum=3, breakout", ["momentum", "breakout"])!;

        Assert.Equal(3, weights["momentum"]);
        Assert.Equal(1, weights["breakout"]);
        Assert.Null(EvolveTuning.SeedTypeWeights("momentum,breakout", ["momentum", "breakout"]));
        Assert.Null(EvolveTuning.SeedTypeWeights(null, []));
        Assert.Equal("momentum,breakout", EvolveTuning.SeedTypeIds("momentum=0.5,breakout"));
    }

    [Theory]
    [InlineData("momentum=x", "--seed-types: weight of 'momentum': 'x' is not a number")]
    [InlineData("momentum=-1,breakout", "--seed-types: weight of 'momentum' must be >= 0 (was -1)")]
    [InlineData("momentum=0,breakout=0", "--seed-types: every weight is 0")]
    [InlineData("momentum,Momentum=2", "--seed-types: 'Momentum' is given twice")]
    public void SeedTypeWeights_BadWeights_NameTheSeedType(string text, string message)
    {
        var ex = Assert.Throws<BadInputException>(() => EvolveTuning.SeedTypeWeights(text, ["momentum", "breakout"]));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void ParseFitness_GivenKeysReplaceTheirWeightsOthersKeepTheStart()
    {
        var start = new CompositeFitnessOptions(MinTrades: 4);

        var fitness = EvolveTuning.ParseFitness("sharpe=2, drawdown=0.5,consistency=1,trade_penalty=3,return=-1", start);

        Assert.Equal(new CompositeFitnessOptions(2, -1, 0.5, 4, 3, 1), fitness);
        Assert.Same(start, EvolveTuning.ParseFitness(" ", start));
        Assert.Equal("--fitness-weights: unknown key 'luck' (known: sharpe, return, drawdown, trade_penalty, consistency)", Assert.Throws<BadInputException>(() => EvolveTuning.ParseFitness("luck=1", start)).Message);
        Assert.Equal("--fitness-weights: sharpe needs a value (sharpe=NUMBER)", Assert.Throws<BadInputException>(() => EvolveTuning.ParseFitness("sharpe", start)).Message);
    }

    [Fact]
    public void ParseMetrics_TwoKnownMetricsWithPareto_OtherwiseNamesTheProblem()
    {
        Assert.Equal((ObjectiveMetric.AnnualReturn, ObjectiveMetric.Trades), EvolveTuning.ParseMetrics("annual_return, trades", EvolutionObjective.Pareto));
        Assert.Null(EvolveTuning.ParseMetrics(null, EvolutionObjective.Pareto));
        Assert.Contains("only with --objective pareto", Assert.Throws<BadInputException>(() => EvolveTuning.ParseMetrics("sharpe,trades", EvolutionObjective.Composite)).Message, StringComparison.Ordinal);
        Assert.Contains("exactly two metrics", Assert.Throws<BadInputException>(() => EvolveTuning.ParseMetrics("sharpe", EvolutionObjective.Pareto)).Message, StringComparison.Ordinal);
        Assert.Contains("unknown metric 'alpha'", Assert.Throws<BadInputException>(() => EvolveTuning.ParseMetrics("sharpe,alpha", EvolutionObjective.Pareto)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evolve_OperatorOptionsAndSeedTypeShares_StoredWithTheRunReportedAndUsed()
    {
        var data = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 3000);

        var (exit, stdout, stderr) = await RpSession.RunAsync(
            _dir.Path, "evolve", "--data", data, "--population", "24", "--generations", "2", "--folds", "3", "--min-trades", "2", "--no-alerts", "--json",
            "--seed-types", "momentum=3,breakout=1", "--tournament-size", "5", "--elite-ratio", "0.25", "--crossover-rate", "0.6", "--crossover", "blend",
            "--mutation-rate", "0.3", "--mutation-scale", "0.2", "--immigrant-ratio", "0.1", "--diversity-floor", "0.02", "--hall-of-fame", "5",
            "--fitness-weights", "drawdown=2,consistency=0.5");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var genetic = root.GetProperty("genetic");
        Assert.Equal(5, genetic.GetProperty("tournament_size").GetInt32());
        Assert.Equal("blend", genetic.GetProperty("crossover").GetString());
        Assert.Equal(0.3, genetic.GetProperty("mutation_rate").GetDouble());
        Assert.Equal(3, genetic.GetProperty("seed_type_weights").GetProperty("momentum").GetDouble());
        Assert.Equal(2, genetic.GetProperty("fitness").GetProperty("drawdown_weight").GetDouble());
        Assert.Equal(2, genetic.GetProperty("fitness").GetProperty("min_trades").GetInt32());
        Assert.Equal(JsonValueKind.Null, genetic.GetProperty("pareto_metrics").ValueKind);
        var counts = root.GetProperty("generations")[0].GetProperty("diversity").GetProperty("seed_type_counts");
        Assert.Equal(18, counts.GetProperty("momentum").GetInt32()); // 24 x 3/4
        Assert.Equal(6, counts.GetProperty("breakout").GetInt32());
        Assert.InRange(root.GetProperty("hall_of_fame").GetArrayLength(), 1, 5);
        var second = root.GetProperty("generations")[1];
        Assert.Equal(24 - 6, second.GetProperty("evaluations").GetInt32() + second.GetProperty("cache_hits").GetInt32()); // 6 elites (0.25), not 5 (0.2)

        using var db = ResearchDatabase.Open(Path.Combine(_dir.Path, ResearchDatabase.FileName));
        var stored = new EvolutionRunStore(db, TimeProvider.System).Find("evo-0001")!.Config.Evolution;
        Assert.Equal(0.25, stored.EliteRatio);
        Assert.Equal(0.6, stored.CrossoverRate);
        Assert.Equal(0.2, stored.MutationScale);
        Assert.Equal(0.1, stored.ImmigrantRatio);
        Assert.Equal(0.02, stored.DiversityFloor);
        Assert.Equal(5, stored.HallOfFameSize);
        Assert.Equal(0.5, stored.Fitness.ConsistencyPenalty);
    }

    [Fact]
    public async Task Evolve_SymbolAndIntervalOfWorkspaceBars_RunsAndResumesFromTheWorkspace()
    {
        var data = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 3000);
        Assert.Equal(0, (await RpSession.RunAsync(_dir.Path, "data", "import", data, "--symbol", "SYN/USDT", "--interval", "1h")).Exit);
        File.Delete(data);

        var (exit, stdout, stderr) = await RpSession.RunAsync(
            _dir.Path, "evolve", "--symbol", "SYN/USDT", "--interval", "1h", "--population", "8", "--generations", "2", "--folds", "3", "--seed-types", "momentum", "--no-alerts", "--json");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("workspace", doc.RootElement.GetProperty("data_source").GetString());
        Assert.Equal(3000, doc.RootElement.GetProperty("bars").GetInt32());
        Assert.Equal("SYN/USDT", doc.RootElement.GetProperty("symbol").GetString());
        using (var db = ResearchDatabase.Open(Path.Combine(_dir.Path, ResearchDatabase.FileName)))
        {
            new EvolutionRunStore(db, TimeProvider.System).SetStatus("evo-0001", EvolutionRunStatus.Stopped);
        }

        // a resume reloads the bars from the workspace (the file is gone) and checks they are unchanged
        var (exit2, _, stderr2) = await RpSession.RunAsync(_dir.Path, "evolve", "--resume", "evo-0001", "--no-alerts", "--json");
        Assert.True(exit2 == 0, stderr2);
    }

    [Fact]
    public async Task Evolve_ParetoMetrics_NsgaMaximisesTheChosenPairAndReportsIt()
    {
        var data = SyntheticCsv.Write(_dir.File("SYN_USDT-1h.csv"), 3000);

        var (exit, stdout, stderr) = await RpSession.RunAsync(
            _dir.Path, "evolve", "--data", data, "--population", "16", "--generations", "2", "--folds", "3", "--seed-types", "momentum", "--no-alerts", "--json",
            "--objective", "pareto", "--pareto-metrics", "annual_return,trades");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(["annual_return", "trades"], root.GetProperty("genetic").GetProperty("pareto_metrics").EnumerateArray().Select(e => e.GetString()));
        // objective 2 is the mean trade count per training window (a drawdown objective would be <= 0)
        Assert.All(root.GetProperty("generations").EnumerateArray(), g => Assert.True(g.GetProperty("best_objective2").GetDouble() >= 1));
        Assert.NotEqual(0, root.GetProperty("pareto_front").GetArrayLength());
    }
}
