using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Paper;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Paper;

/// <summary>
/// A replay "crashes" after N journal entries (the file is cut there, a torn half line after it) and is resumed with
/// <see cref="CatchUpOrderJournal"/>: the finished journal is byte-identical to an uninterrupted run's, results equal,
/// journal and venue agree; a stored entry the re-run does not reproduce stops the resume.
/// </summary>
public sealed class PaperResumeTests
{
    private static readonly PaperStrategy[] Strategies = [new("m", new MomentumTestSeed(), [2])];

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(150)]
    public async Task RunAsync_ResumedAfterCrashAtEntry_SameJournalAndResultAsUninterrupted(int crashAfter)
    {
        using var dir = new TempDir();
        var bars = PaperSeries.RandomWalk(400, seed: 3);
        var options = new PaperOptions { ParticipationCap = 0.5m };
        var full = await Run(bars, options, new GroupCommitOrderJournal(dir.File("full.jsonl")));
        var lines = File.ReadAllLines(dir.File("full.jsonl"));
        Assert.True(lines.Length > 150, $"{lines.Length} entries");
        File.WriteAllText(dir.File("crashed.jsonl"), string.Join('\n', lines.Take(crashAfter)) + "\n" + lines[crashAfter][..20]);

        var catchUp = new CatchUpOrderJournal(new GroupCommitOrderJournal(dir.File("crashed.jsonl")));
        var resumed = await Run(bars, options, catchUp);

        Assert.Equal(crashAfter, catchUp.Stored);
        Assert.Equal(File.ReadAllText(dir.File("full.jsonl")), File.ReadAllText(dir.File("crashed.jsonl")));
        Assert.Equal(full.FinalEquity, resumed.FinalEquity);
        Assert.Equal(full.Trades.Count, resumed.Trades.Count);
        Assert.Equal(crashAfter, resumed.Resume!.StoredEntries);
        Assert.True(resumed.Resume.Check.Agrees, string.Join("; ", resumed.Resume.Check.Problems));
        Assert.True(resumed.Reconciliation!.Agrees, string.Join("; ", resumed.Reconciliation.Problems));
        Assert.Equal(1, resumed.Reconciliation.MaxPlacementsPerOrder);
    }

    [Fact]
    public async Task RunAsync_StoredEntryDiffers_ThrowsDivergedNamingTheEntry()
    {
        using var dir = new TempDir();
        var bars = PaperSeries.RandomWalk(200, seed: 4);
        var options = new PaperOptions { ParticipationCap = 0.5m };
        await Run(bars, options, new GroupCommitOrderJournal(dir.File("full.jsonl")));
        var lines = File.ReadAllLines(dir.File("full.jsonl")).Take(10).ToArray();
        lines[4] = lines[4].Replace("\"sequence\":5,", "\"sequence\":5,\"reason\":\"edited\",", StringComparison.Ordinal);
        File.WriteAllLines(dir.File("edited.jsonl"), lines);

        var ex = await Assert.ThrowsAsync<JournalDivergedException>(() => Run(bars, options, new CatchUpOrderJournal(new GroupCommitOrderJournal(dir.File("edited.jsonl")))));

        Assert.Contains("resume diverged at journal entry #5", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<PaperStrategyResult> Run(Sdk.Data.BarSeries bars, PaperOptions options, IOrderJournal journal)
    {
        try
        {
            var session = await PaperReplayEngine.RunAsync("r", bars, Strategies, options, _ => journal, null, null, CancellationToken.None);
            return session.Strategies[0];
        }
        finally
        {
            journal.Dispose();
        }
    }
}
