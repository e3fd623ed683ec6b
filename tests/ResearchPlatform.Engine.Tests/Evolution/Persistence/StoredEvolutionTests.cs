using System.Globalization;
using ResearchPlatform.Engine.Evolution;
using ResearchPlatform.Engine.Evolution.Persistence;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Evolution.Persistence;

public sealed class StoredEvolutionTests
{
    private static readonly EvolutionOptions Options = new() { PopulationSize = 40, Generations = 7, Seed = 21, StagnationGenerations = 0 };

    [Fact]
    public async Task RunAsync_CompletedRun_RunGenerationsIndividualsAndHallOfFameLandInDuckDb()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var problem = TestGenomes.Problem();
        var run = StoredRuns.Create(db, problem, Options);

        var result = await new StoredEvolution(db, TimeProvider.System).RunAsync(run, problem, new AnalyticEvaluator(), null, CancellationToken.None);

        var stored = new EvolutionRunStore(db, TimeProvider.System).Find(run.RunId)!;
        Assert.Equal("evo-0001", run.RunId);
        Assert.Equal(EvolutionRunStatus.Completed, stored.Status);
        Assert.Equal(TerminationReason.Generations, stored.Termination);
        Assert.Equal(7, stored.CompletedGenerations);
        Assert.Equal(result.DistinctEvaluations, stored.DistinctEvaluations);
        Assert.Equal(result.DeflatedSharpe!.Deflated, stored.DeflatedSharpe!.Deflated);
        Assert.Equal(7, DbProbe.Count(db, "SELECT count(*) FROM generations"));
        Assert.Equal(result.DistinctEvaluations, DbProbe.Count(db, "SELECT count(*) FROM individuals"));
        Assert.Equal(20, DbProbe.Count(db, "SELECT count(*) FROM hall_of_fame WHERE list = 'hall_of_fame' AND holdout_sharpe IS NOT NULL"));
        Assert.Equal(result.Generations.Select(Fingerprint.Of), new RunReader(db).Generations(run.RunId).Select(g => Fingerprint.Of(g.Stats)));
        Assert.Equal(result.Generations.Select(g => g.EvalSeconds), new RunReader(db).Generations(run.RunId).Select(g => g.Stats.EvalSeconds));

        var best = result.HallOfFame[0];
        var hof = new RunReader(db).HallOfFame(run.RunId);
        Assert.Equal(best.Entry.Sequence, hof[0].Sequence);
        Assert.Equal(best.Entry.Score.Fitness, hof[0].Fitness);
        Assert.Equal(best.Entry.Score.OutOfSample.Sharpe, hof[0].OutOfSample.Sharpe);
        Assert.Equal(best.Holdout.Sharpe, hof[0].Holdout.Sharpe);
        var firstGene = TestGenomes.Problem().SeedTypes.Single(s => s.SeedTypeId == best.Entry.Individual.SeedTypeId).Genes[0].Name;
        var geneSql = $"SELECT CAST(genes->>'{firstGene}' AS DOUBLE) FROM individuals WHERE sequence = {best.Entry.Sequence}";
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = geneSql;
        Assert.Equal(best.Entry.Individual.Genes[0], Convert.ToDouble(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Composite", 2, 1)]
    [InlineData("Composite", 0, 2)]
    [InlineData("Pareto", 3, 2)]
    public async Task ResumeAsync_StoppedRun_SameResultAndRowsAsUninterruptedRun(string objectiveName, int stopAfter, int resumeThreads)
    {
        var options = Options with { Objective = Enum.Parse<EvolutionObjective>(objectiveName) };
        var problem = TestGenomes.Problem();
        using var dbA = ResearchDatabase.OpenInMemory();
        var runA = StoredRuns.Create(dbA, problem, options);
        var expected = await new StoredEvolution(dbA, TimeProvider.System).RunAsync(runA, problem, new AnalyticEvaluator(), null, CancellationToken.None);

        using var dbB = ResearchDatabase.OpenInMemory();
        var runB = StoredRuns.Create(dbB, problem, options);
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new StoredEvolution(dbB, TimeProvider.System).RunAsync(runB, problem, new AnalyticEvaluator(), new RecordingObserver(cts, stopAfter), cts.Token));
        var stopped = new EvolutionRunStore(dbB, TimeProvider.System).Find(runB.RunId)!;
        Assert.Equal(EvolutionRunStatus.Stopped, stopped.Status);
        Assert.Equal(stopAfter + 1, stopped.CompletedGenerations);

        var actual = await new StoredEvolution(dbB, TimeProvider.System).ResumeAsync(stopped, problem, new AnalyticEvaluator(), resumeThreads, null, CancellationToken.None);

        Assert.Equal(Fingerprint.Of(expected), Fingerprint.Of(actual));
        const string rows = "SELECT count(*), sum(hash(sequence, generation, seed_type, genes, fitness, windows)) FROM individuals";
        Assert.Equal(Scalar(dbA, rows), Scalar(dbB, rows));
        const string fame = "SELECT string_agg(list || rank || ':' || sequence || ':' || holdout_sharpe, ',' ORDER BY list, rank) FROM hall_of_fame";
        Assert.Equal(Scalar(dbA, fame), Scalar(dbB, fame));
        Assert.Equal(EvolutionRunStatus.Completed, new EvolutionRunStore(dbB, TimeProvider.System).Find(runB.RunId)!.Status);
    }

    [Fact]
    public async Task ResumeAsync_CompletedRun_IsRefused()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var problem = TestGenomes.Problem();
        var run = StoredRuns.Create(db, problem, Options with { Generations = 2 });
        await new StoredEvolution(db, TimeProvider.System).RunAsync(run, problem, new AnalyticEvaluator(), null, CancellationToken.None);
        var completed = new EvolutionRunStore(db, TimeProvider.System).Find(run.RunId)!;

        var ex = await Assert.ThrowsAsync<EvolutionConfigurationException>(() =>
            new StoredEvolution(db, TimeProvider.System).ResumeAsync(completed, problem, new AnalyticEvaluator(), 1, null, CancellationToken.None));

        Assert.Contains("already completed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EvaluatorThrows_RunMarkedFailedWithCompletedGenerationsKept()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var problem = TestGenomes.Problem();
        var run = StoredRuns.Create(db, problem, Options);
        var calls = 0;
        var evaluator = new AnalyticEvaluator { Override = _ => Interlocked.Increment(ref calls) > 60 ? throw new InvalidOperationException("evaluator crashed") : null };

        await Assert.ThrowsAnyAsync<Exception>(() => new StoredEvolution(db, TimeProvider.System).RunAsync(run, problem, evaluator, null, CancellationToken.None));

        var failed = new EvolutionRunStore(db, TimeProvider.System).Find(run.RunId)!;
        Assert.Equal(EvolutionRunStatus.Failed, failed.Status);
        Assert.True(failed.CompletedGenerations >= 1);
        Assert.Equal(failed.CompletedGenerations, DbProbe.Count(db, "SELECT count(*) FROM generations"));
        Assert.Equal(0, DbProbe.Count(db, $"SELECT count(*) FROM individuals WHERE generation >= {failed.CompletedGenerations}"));
    }

    private static string Scalar(ResearchDatabase db, string sql)
    {
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        r.Read();
        return string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)));
    }
}
