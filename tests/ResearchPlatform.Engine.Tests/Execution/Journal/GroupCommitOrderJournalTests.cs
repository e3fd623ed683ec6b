using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Execution.Journal;

public sealed class GroupCommitOrderJournalTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Append_BeforeAnyFlush_LineIsInTheFileAndMirrorGetsFullBatchesOnly()
    {
        using var dir = new TempDir();
        using var db = ResearchDatabase.OpenInMemory();
        var path = dir.File("j.jsonl");
        using var journal = new GroupCommitOrderJournal(path, new DuckDbJournalMirror(db.Connection, "s/S1"), new GroupCommitOptions { MirrorBatch = 100, SyncInterval = TimeSpan.FromMilliseconds(5) });

        for (var i = 1; i <= 250; i++)
        {
            journal.Append(Fill(i));
            Assert.Equal(i, ReadShared(path).Length); // written with write() before Append returned: survives a kill -9
        }

        Assert.Equal(200L, db.Connection.Scalar("SELECT count(*) FROM order_journal WHERE journal_id = 's/S1'"));
        Assert.Equal(200L, db.Connection.Scalar("SELECT count(*) FROM order_fills WHERE journal_id = 's/S1'"));
        journal.Flush();
        Assert.Equal(250L, db.Connection.Scalar("SELECT count(*) FROM order_journal WHERE journal_id = 's/S1'"));
        Assert.Equal(250L, db.Connection.Scalar("SELECT max(sequence) FROM order_journal WHERE journal_id = 's/S1'"));
        Assert.True(journal.Syncs >= 1);
    }

    [Fact]
    public void Open_FileAheadOfMirror_MirrorsTheMissingEntries()
    {
        using var dir = new TempDir();
        using var db = ResearchDatabase.OpenInMemory();
        var path = dir.File("j.jsonl");
        using (var first = new GroupCommitOrderJournal(path, new DuckDbJournalMirror(db.Connection, "s/S1"), new GroupCommitOptions { MirrorBatch = 10 }))
        {
            for (var i = 1; i <= 25; i++)
            {
                first.Append(Fill(i));
            }
        }

        db.Connection.Execute("DELETE FROM order_journal WHERE sequence > 20"); // as if the process died before the last batch
        db.Connection.Execute("DELETE FROM order_fills WHERE fill_id > 'F-0020'");

        using var reopened = new GroupCommitOrderJournal(path, new DuckDbJournalMirror(db.Connection, "s/S1"));

        Assert.Equal(5, reopened.MirroredOnOpen);
        Assert.Equal(25, reopened.ReadAll().Count);
        Assert.Equal(25L, db.Connection.Scalar("SELECT count(*) FROM order_journal WHERE journal_id = 's/S1'"));
        Assert.Equal(25L, db.Connection.Scalar("SELECT count(*) FROM order_fills WHERE journal_id = 's/S1'"));
    }

    private static JournalEntry Fill(int i) =>
        new(i, JournalEntryKind.Filled, "O-00000001", T0.AddSeconds(i))
        {
            FillId = $"F-{i:D4}", FillPrice = 100m + i, FillQuantity = 0.001m, Fee = 0.0001m, Liquidity = Liquidity.Taker,
        };

    private static string[] ReadShared(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var r = new StreamReader(s);
        return r.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
