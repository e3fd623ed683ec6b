using Apache.Arrow;
using Apache.Arrow.Ipc;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Tests.Data;

public sealed class BarStoreTests : IDisposable
{
    private const long T0 = 1_704_067_200_000L;
    private static readonly BarInterval M1 = BarInterval.Parse("1m");
    private static readonly BarInterval H1 = BarInterval.Parse("1h");
    private readonly TempDir _dir = new();
    private readonly ResearchDatabase _db;
    private readonly BarStore _store;

    public BarStoreTests()
    {
        _db = ResearchDatabase.Open(_dir.File(ResearchDatabase.FileName));
        _store = new BarStore(_db);
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task LoadAsync_AfterImport_ReturnsExactlyTheInsertedValues()
    {
        var s = SyntheticBars.Generate("BTC/USDT", M1, 20_000, seed: 1, startMs: T0);

        var r = _store.Import(s, "test");
        var loaded = await _store.LoadAsync("BTC/USDT", M1);

        Assert.Equal((20_000, 20_000, 0, 0), (r.Rows, r.Inserted, r.Updated, r.Unchanged));
        AssertSame(s, loaded);
    }

    [Fact]
    public void Import_SameSeriesTwice_SecondInsertsAndUpdatesNothing()
    {
        var s = SyntheticBars.Generate("X", H1, 500, seed: 2, startMs: T0);
        _store.Import(s, "first");
        var before = DbProbe.Bars(_db);

        var again = _store.Import(s, "second");

        Assert.Equal((500, 0, 0, 500), (again.Rows, again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal(before, DbProbe.Bars(_db));
    }

    [Fact]
    public async Task Import_OverlappingSeriesWithChangedBars_UpsertsAndCountsEachKind()
    {
        var full = SyntheticBars.Generate("X", H1, 150, seed: 3, startMs: T0);
        _store.Import(full.Slice(0, 100), "a");
        var b = full.Slice(50, 100);
        for (var i = 0; i < 10; i++)
        {
            b.Close[i] *= 1.01;
            b.High[i] = Math.Max(b.High[i], b.Close[i]);
        }

        var r = _store.Import(b, "b");
        var loaded = await _store.LoadAsync("X", H1);

        Assert.Equal((100, 50, 10, 40), (r.Rows, r.Inserted, r.Updated, r.Unchanged));
        Assert.Equal(150, loaded.Count);
        Assert.Equal(full.Close.Take(50), loaded.Close.Take(50));
        Assert.Equal(b.Close, loaded.Close.Skip(50));
        Assert.Equal(10, DbProbe.Count(_db, "SELECT count(*) FROM bars WHERE source = 'b' AND open_time < TIMESTAMP '2024-01-03 12:00:00'"));
        Assert.Equal(50, DbProbe.Count(_db, "SELECT count(*) FROM bars WHERE source = 'b' AND open_time >= TIMESTAMP '2024-01-03 12:00:00'"));
    }

    [Fact]
    public void ImportFile_CorruptedLine_FailsAndLeavesTheDatabaseUnchanged()
    {
        _store.Import(SyntheticBars.Generate("OLD/USDT", H1, 300, seed: 4, startMs: T0), "old");
        var good = SyntheticBars.Generate("NEW/USDT", H1, 1000, seed: 5, startMs: T0);
        var lines = new List<string> { "open_time,open,high,low,close,volume" };
        lines.AddRange(Enumerable.Range(0, good.Count).Select(i =>
            FormattableString.Invariant($"{good.OpenTimesMs[i]},{good.Open[i]:R},{good.High[i]:R},{good.Low[i]:R},{good.Close[i]:R},{good.Volume[i]:R}")));
        lines[777] = FormattableString.Invariant($"{good.OpenTimesMs[776]},{good.Open[776]:R},{good.High[776]:R},{good.Low[776]:R},oops,1");
        var path = _dir.Write("NEWUSDT-1h.csv", string.Join('\n', lines));
        var before = DbProbe.Bars(_db);

        var ex = Assert.Throws<DataValidationException>(() => _store.ImportFile(path, symbol: "NEW/USDT", interval: H1));

        Assert.Equal($"{path}:778: close 'oops' is not a number", ex.Message);
        Assert.Equal(before, DbProbe.Bars(_db));
        Assert.Equal(0, _store.Count("NEW/USDT"));
    }

    [Fact]
    public async Task LoadAsync_FromTo_IsHalfOpenAndSorted()
    {
        var s = SyntheticBars.Generate("X", H1, 48, seed: 6, startMs: T0);
        _store.Import(s.Slice(24, 24), "late");
        _store.Import(s.Slice(0, 24), "early");

        var all = await _store.LoadAsync("X", H1);
        var part = await _store.LoadAsync("X", H1, s.TimeAt(10), s.TimeAt(20));

        AssertSame(s, all);
        Assert.Equal(s.OpenTimesMs.Skip(10).Take(10), part.OpenTimesMs);
        Assert.Empty((await _store.LoadAsync("Y", H1)).OpenTimesMs);
    }

    [Fact]
    public async Task LoadAsync_InterleavedImports_ReturnsTheSeriesInTimeOrder()
    {
        var s = SyntheticBars.Generate("X", H1, 5000, seed: 14, startMs: T0);
        _store.Import(Pick(s, Enumerable.Range(0, 5000).Where(i => i % 2 == 1).ToArray()), "odd");
        _store.Import(Pick(s, Enumerable.Range(0, 5000).Where(i => i % 2 == 0).ToArray()), "even");

        var loaded = await _store.LoadAsync("X", H1);

        AssertSame(s, loaded);
    }

    [Fact]
    public void List_ReportsRowsRangesAndGapsPerSymbolAndInterval()
    {
        var s = SyntheticBars.Generate("A/USDT", H1, 100, seed: 7, startMs: T0);
        var keep = Enumerable.Range(0, 100).Where(i => i is not (10 or 11 or 12) and not 50).ToArray();
        _store.Import(Pick(s, keep), "x");
        _store.Import(SyntheticBars.Generate("A/USDT", M1, 30, seed: 8, startMs: T0), "x");
        _store.Import(SyntheticBars.Generate("B/USDT", H1, 5, seed: 9, startMs: T0), "x");

        var list = _store.List();

        Assert.Equal(["A/USDT 1m", "A/USDT 1h", "B/USDT 1h"], list.Select(x => $"{x.Symbol} {x.Interval}"));
        var a = list[1];
        Assert.Equal((96L, 2L, 4L), (a.Rows, a.GapCount, a.MissingBars));
        Assert.Equal(s.TimeAt(0), a.First);
        Assert.Equal(s.TimeAt(99), a.Last);
        Assert.Equal((30L, 0L, 0L), (list[0].Rows, list[0].GapCount, list[0].MissingBars));
    }

    [Fact]
    public async Task LoadResampledAsync_MatchesTheResamplerAndWidensBoundsToBuckets()
    {
        var s = SyntheticBars.Generate("X", M1, 3 * 1440, seed: 10, startMs: T0);
        _store.Import(s, "x");

        var r = await _store.LoadResampledAsync("X", M1, BarInterval.Parse("1d"), s.TimeAt(100), s.TimeAt(2000));
        var expected = BarResampler.Resample(s, BarInterval.Parse("1d")).Series;

        Assert.Equal(expected.OpenTimesMs.Take(2), r.Series.OpenTimesMs);
        Assert.Equal(expected.Close.Take(2), r.Series.Close);
        Assert.Equal(expected.Volume.Take(2), r.Series.Volume);
        Assert.Empty(r.PartialBuckets);
    }

    [Theory]
    [InlineData(BarExportFormat.Parquet, "out.parquet")]
    [InlineData(BarExportFormat.Csv, "out.csv")]
    public async Task ExportAsync_ThenReadTheFile_RoundTripsEveryValue(BarExportFormat format, string name)
    {
        var s = SyntheticBars.Generate("ETH/USDT", H1, 5000, seed: 11, startMs: T0);
        _store.Import(s, "x");
        var path = _dir.File(name);

        var r = await _store.ExportAsync("ETH/USDT", H1, format, path);
        var back = BarFileReader.Read(path, symbol: format == BarExportFormat.Csv ? "ETH/USDT" : null);

        Assert.Equal((5000, format), (r.Rows, r.Format));
        Assert.Equal(new FileInfo(path).Length, r.Bytes);
        AssertSame(s, back.Series);
        Assert.Equal(H1, back.Series.Interval);
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.partial-*"));
    }

    [Fact]
    public async Task ExportAsync_Arrow_WritesAnIpcFileWithTheSameColumns()
    {
        var s = SyntheticBars.Generate("ETH/USDT", H1, 300_000, seed: 12, startMs: T0);
        _store.Import(s, "x");
        var path = _dir.File("out.arrow");

        await _store.ExportAsync("ETH/USDT", H1, BarExportFormat.Arrow, path);

        await using var stream = File.OpenRead(path);
        using var reader = new ArrowFileReader(stream);
        var times = new List<long>();
        var close = new List<double>();
        var volume = new List<double>();
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            using (batch)
            {
                Assert.Equal("ETH/USDT", ((StringArray)batch.Column("symbol")).GetString(0));
                Assert.Equal("1h", ((StringArray)batch.Column("interval")).GetString(batch.Length - 1));
                var ts = (TimestampArray)batch.Column("open_time");
                times.AddRange(Enumerable.Range(0, batch.Length).Select(i => ts.GetTimestamp(i)!.Value.ToUnixTimeMilliseconds()));
                close.AddRange(((DoubleArray)batch.Column("close")).Values.ToArray());
                volume.AddRange(((DoubleArray)batch.Column("volume")).Values.ToArray());
            }
        }

        Assert.Equal("ETH/USDT", reader.Schema.Metadata["symbol"]);
        Assert.Equal(s.OpenTimesMs, times);
        Assert.Equal(s.Close, close);
        Assert.Equal(s.Volume, volume);
    }

    [Fact]
    public async Task ExportAsync_Resampled_WritesTheAggregatedBars()
    {
        var s = SyntheticBars.Generate("X", M1, 600, seed: 13, startMs: T0 + 1_800_000);
        _store.Import(s, "x");
        var path = _dir.File("h.csv");

        var r = await _store.ExportAsync("X", M1, BarExportFormat.Csv, path, resampleTo: H1);
        var back = BarFileReader.Read(path, symbol: "X");
        var expected = BarResampler.Resample(s, H1);

        Assert.Equal("1h", r.Interval);
        Assert.Equal(2, r.PartialBuckets.Count);
        AssertSame(expected.Series, back.Series);
    }

    private static BarSeries Pick(BarSeries s, int[] idx) => new(
        s.Symbol, s.Interval, idx.Select(i => s.OpenTimesMs[i]).ToArray(), idx.Select(i => s.Open[i]).ToArray(),
        idx.Select(i => s.High[i]).ToArray(), idx.Select(i => s.Low[i]).ToArray(), idx.Select(i => s.Close[i]).ToArray(),
        idx.Select(i => s.Volume[i]).ToArray());

    private static void AssertSame(BarSeries expected, BarSeries actual)
    {
        Assert.Equal(expected.Symbol, actual.Symbol);
        Assert.Equal(expected.Interval, actual.Interval);
        Assert.Equal(expected.OpenTimesMs, actual.OpenTimesMs);
        Assert.Equal(expected.Open, actual.Open);
        Assert.Equal(expected.High, actual.High);
        Assert.Equal(expected.Low, actual.Low);
        Assert.Equal(expected.Close, actual.Close);
        Assert.Equal(expected.Volume, actual.Volume);
    }
}
