using System.Text;
using ResearchPlatform.Engine.Execution.Journal;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Engine.Tests.Execution.Journal;

public sealed class FileOrderJournalTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), "rp-journal-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose() => File.Delete(_path);

    private static JournalEntry Submitted(long seq, string id) => new(seq, JournalEntryKind.Submitted, id, T0.AddSeconds(seq))
    {
        Order = new SubmitOrder(id, "BTC", OrderSide.Buy, OrderType.Limit, 0.123m, 42_000.5m),
        DecisionPrice = 42_001.25m,
        DecisionTime = T0,
        ArrivalPrice = 42_000.75m,
    };

    private static JournalEntry Fill(long seq, string id) => new(seq, JournalEntryKind.Filled, id, T0.AddSeconds(seq))
    {
        FillId = "F-1",
        FillPrice = 42_000.5m,
        FillQuantity = 0.1m,
        Fee = 0.0000001m,
        Liquidity = Liquidity.Maker,
    };

    [Fact]
    public void Append_ThenReopen_ReadsEveryEntryExactly()
    {
        using (var journal = new FileOrderJournal(_path))
        {
            journal.Append(Submitted(1, "O-1"));
            journal.Append(Fill(2, "O-1"));
        }

        using var reopened = new FileOrderJournal(_path);
        var entries = reopened.ReadAll();

        Assert.Equal(2, entries.Count);
        Assert.Equal(Submitted(1, "O-1"), entries[0]);
        Assert.Equal(Fill(2, "O-1"), entries[1]);
        Assert.Equal(0, reopened.TruncatedBytes);
    }

    [Fact]
    public void Open_TornLastLine_DropsItAndAppendsOnACleanLine()
    {
        using (var journal = new FileOrderJournal(_path))
        {
            journal.Append(Submitted(1, "O-1"));
            journal.Append(Submitted(2, "O-2"));
        }

        var full = File.ReadAllBytes(_path);
        var secondLineStart = Array.IndexOf(full, (byte)'\n') + 1;
        var cut = secondLineStart + ((full.Length - secondLineStart) / 2);
        File.WriteAllBytes(_path, full[..cut]);

        using (var journal = new FileOrderJournal(_path))
        {
            Assert.Equal(cut - secondLineStart, journal.TruncatedBytes);
            Assert.Equal(["O-1"], journal.ReadAll().Select(e => e.ClientOrderId));
            journal.Append(Submitted(2, "O-3"));
        }

        using var reopened = new FileOrderJournal(_path);
        Assert.Equal(["O-1", "O-3"], reopened.ReadAll().Select(e => e.ClientOrderId));
        Assert.Equal(2, File.ReadAllText(_path).Count(c => c == '\n'));
    }

    [Fact]
    public void Open_CorruptCompleteLine_FailsNamingFileAndLine()
    {
        using (var journal = new FileOrderJournal(_path))
        {
            journal.Append(Submitted(1, "O-1"));
        }

        File.AppendAllText(_path, "{\"sequence\":2,\"kind\":\"nonsense\"}\n", Encoding.UTF8);

        var ex = Assert.Throws<JournalCorruptException>(() => new FileOrderJournal(_path));
        Assert.StartsWith($"{_path}:2: corrupt journal entry", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJsonLine_Fill_IsSnakeCaseWithoutNulls()
    {
        var line = FileOrderJournal.ToJsonLine(Fill(2, "O-1"));

        Assert.Equal(
            """{"sequence":2,"kind":"filled","client_order_id":"O-1","timestamp":"2024-01-01T00:00:02+00:00","fill_id":"F-1","fill_price":42000.5,"fill_quantity":0.1,"fee":0.0000001,"liquidity":"maker"}""",
            line);
    }
}
