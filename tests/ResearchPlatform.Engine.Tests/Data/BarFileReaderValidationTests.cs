using ResearchPlatform.Engine.Data;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Tests.Data;

public sealed class BarFileReaderValidationTests : IDisposable
{
    private const long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z
    private const long H = 3_600_000L;
    private const string Header = "open_time,open,high,low,close,volume\n";
    private static readonly BarInterval H1 = BarInterval.Parse("1h");
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("100,99,95,98,5", "high 99 is below max(open, close) = 100")]
    [InlineData("100,105,101,98,5", "low 101 is above min(open, close) = 98")]
    [InlineData("100,105,95,98,-1", "volume -1 is negative")]
    [InlineData("NaN,105,95,98,5", "open NaN is not a finite number")]
    [InlineData("100,Infinity,95,98,5", "high Infinity is not a finite number")]
    [InlineData("100,105,95,98,-Infinity", "volume -Infinity is not a finite number")]
    [InlineData("0,105,0,98,5", "open 0 must be > 0")]
    [InlineData("100,105,-95,98,5", "low -95 must be > 0")]
    [InlineData("100,105,95,abc,5", "close 'abc' is not a number")]
    [InlineData("100,105,95,,5", "close is empty")]
    public void Read_OneBadLine_FailsWithItsLineNumberAndReason(string badValues, string reason)
    {
        var path = _dir.Write("bad.csv", Header + $"{T0},100,101,99,100,1\n{T0 + H},100,101,99,100,1\n{T0 + (2 * H)},{badValues}\n{T0 + (3 * H)},100,101,99,100,1\n");

        var ex = Assert.Throws<DataValidationException>(() => BarFileReader.Read(path, symbol: "S", interval: H1));

        Assert.Equal(1, ex.TotalErrors);
        Assert.Equal(4, ex.Errors[0].Line);
        Assert.Equal($"{path}:4: {reason}", ex.Message);
    }

    [Fact]
    public void Read_OffGridTimestamp_FailsNamingLineAndGrid()
    {
        var path = _dir.Write("grid.csv", Header + $"{T0},1,1,1,1,1\n{T0 + H},1,1,1,1,1\n{T0 + (2 * H) + 60_000},1,1,1,1,1\n{T0 + (3 * H)},1,1,1,1,1\n");

        var ex = Assert.Throws<DataValidationException>(() => BarFileReader.Read(path, symbol: "S", interval: H1));

        Assert.Equal($"{path}:4: open time 2024-01-01T02:01:00Z is not on the 1h grid (bars open at multiples of 1h since 1970-01-01T00:00Z)", ex.Message);
    }

    [Fact]
    public void Read_DuplicateTimeWithDifferentValues_FailsNamingBothLines()
    {
        var path = _dir.Write("dup.csv", Header + $"{T0},1,2,1,2,1\n{T0 + H},2,3,2,3,1\n{T0},1,2,1,1.5,1\n");

        var ex = Assert.Throws<DataValidationException>(() => BarFileReader.Read(path, symbol: "S", interval: H1));

        Assert.Equal(4, ex.Errors[0].Line);
        Assert.Equal($"{path}:4: open time 2024-01-01T00:00:00Z duplicates {path}:2 with different values (close 2 vs 1.5)", ex.Message);
    }

    [Fact]
    public void Read_SeveralBadLines_ListsEveryOneInLineOrder()
    {
        var path = _dir.Write("many.csv", Header + $"{T0 + (2 * H)},1,1,1,1,-1\n{T0},1,0.5,1,1,1\n{T0 + H},x,1,1,1,1\n");

        var ex = Assert.Throws<DataValidationException>(() => BarFileReader.Read(path, symbol: "S", interval: H1));

        Assert.Equal(3, ex.TotalErrors);
        Assert.Equal([2, 3, 4], ex.Errors.Select(e => e.Line));
        Assert.StartsWith($"{path}:2: volume -1 is negative\n{path}:3: high 0.5 is below", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyBadLines_MessageListsTheFirstTenAndCountsTheRest()
    {
        var lines = string.Concat(Enumerable.Range(0, 25).Select(i => $"{T0 + (i * H)},1,1,1,1,-1\n"));
        var path = _dir.Write("m.csv", Header + lines);

        var ex = Assert.Throws<DataValidationException>(() => BarFileReader.Read(path, symbol: "S", interval: H1));

        Assert.Equal(25, ex.TotalErrors);
        Assert.Equal(11, ex.Message.Split('\n').Length);
        Assert.EndsWith("... and 15 more errors", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PrettyPrintedFreqtradeJsonWithNaN_FailsWithLineAndBarNumber()
    {
        var path = _dir.Write("A_B-1h.json", $"[\n  [{T0}, 1, 1, 1, 1, 1],\n  [{T0 + H}, 1, NaN, 1, 1, 1],\n  [{T0 + (2 * H)}, 1, 1, 1, 1, 1]\n]\n");

        var ex = Assert.Throws<DataValidationException>(() => BarFileReader.Read(path));

        Assert.Equal($"{path}:3: bar #2: high NaN is not a finite number", ex.Message);
    }

    [Fact]
    public void Read_FreqtradeJsonWithNonNumber_FailsWithBarNumber()
    {
        var path = _dir.Write("A_B-1h.json", $"[[{T0},1,1,1,1,1],[{T0 + H},1,1,\"x\",1,1]]");

        var ex = Assert.Throws<DataValidationException>(() => BarFileReader.Read(path));

        Assert.Equal($"{path}:1: bar #2: low 'x' is not a number", ex.Message);
    }

    [Fact]
    public void Read_TruncatedJson_FailsWithLineAndColumn()
    {
        var path = _dir.Write("A_B-1h.json", $"[[{T0},1,1,1,1,1],\n[{T0 + H},1,1,1,1");

        var ex = Assert.Throws<DataValidationException>(() => BarFileReader.Read(path));

        Assert.StartsWith($"{path}:2:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("found end of file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_IntervalThatDoesNotMatchTheData_FailsSuggestingTheRightOne()
    {
        var path = _dir.Write("A_B-1h.json", $"[[{T0},1,1,1,1,1],[{T0 + H},1,1,1,1,1],[{T0 + (2 * H)},1,1,1,1,1]]");

        var ex = Assert.Throws<DataValidationException>(() => BarFileReader.Read(path, interval: BarInterval.Parse("15m")));

        Assert.Equal($"{path}: interval 15m does not match the data: the most common spacing between bars is 1h (2 of 2); use 1h or let the interval be inferred", ex.Message);
    }

    [Fact]
    public void Read_SingleBarWithoutInterval_FailsAskingForIt()
    {
        var path = _dir.Write("A_B-1h.json", $"[[{T0},1,1,1,1,1]]");

        var ex = Assert.Throws<DataValidationException>(() => BarFileReader.Read(path));
        var ok = BarFileReader.Read(path, interval: H1);

        Assert.Contains("cannot infer the interval", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, ok.Series.Count);
    }

    [Fact]
    public void Read_MonthEndBars_AreRefusedExplainingTheInferredInterval()
    {
        var path = _dir.Write("BTCUSD.csv", ",Open,High,Low,Close,Volume\n2012-01-31,1,1,1,1,1\n2012-02-29,1,1,1,1,1\n2012-03-31,1,1,1,1,1\n2012-04-30,1,1,1,1,1\n2012-05-31,1,1,1,1,1\n");

        var ex = Assert.Throws<DataValidationException>(() => BarFileReader.Read(path));

        Assert.Contains("inferred as 31d", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{path}:3: open time 2012-02-29T00:00:00Z is not on the 31d grid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderWithoutVolume_FailsNamingTheMissingColumn()
    {
        var path = _dir.Write("nv.csv", "date,open,high,low,close\n2024-01-01,1,1,1,1\n");

        var ex = Assert.Throws<DataValidationException>(() => BarFileReader.Read(path, symbol: "S"));

        Assert.StartsWith($"{path}:1: header has no volume column (columns: 'date', 'open', 'high', 'low', 'close')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyFileOrMissingFileOrNoSymbol_FailsClearly()
    {
        var empty = _dir.Write("e.csv", "\n\n");
        var headerOnly = _dir.Write("h.csv", Header);
        var noSymbol = _dir.Write("data-file.csv", Header + $"{T0},1,1,1,1,1\n");

        Assert.Equal($"{empty}: file is empty (no bars)", Assert.Throws<DataValidationException>(() => BarFileReader.Read(empty, symbol: "S")).Message);
        Assert.Equal($"{headerOnly}: file contains no bars", Assert.Throws<DataValidationException>(() => BarFileReader.Read(headerOnly, symbol: "S")).Message);
        Assert.EndsWith("file not found", Assert.Throws<DataValidationException>(() => BarFileReader.Read(_dir.File("nope.csv"))).Message, StringComparison.Ordinal);
        Assert.Contains("pass a symbol", Assert.Throws<DataValidationException>(() => BarFileReader.Read(noSymbol, interval: H1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonFileForcedAsCsv_FailsSayingItIsJson()
    {
        var path = _dir.Write("A_B-1h.json", $"[[{T0},1,1,1,1,1]]");

        var ex = Assert.Throws<DataValidationException>(() => BarFileReader.Read(path, BarFileFormat.Csv, interval: H1));

        Assert.Contains("is a JSON array", ex.Message, StringComparison.Ordinal);
    }
}
