using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Data.FearGreed;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Tests.Data.FearGreed;

public sealed class FearGreedTests : IDisposable
{
    private const string Header = "fear_greed_index,value_classification,timestamp,date,fear_greed_log_return\n";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_AlternativeMeCsv_ParsesDaysAndListsMissingOnes()
    {
        var path = _dir.Write("fg.csv", Header + "30,Fear,1517443200,2018-02-01,\n15,Extreme Fear,1517529600,2018-02-02,-0.69\n40,Fear,1517702400,2018-02-04,0.98\n");

        var r = FearGreedFileReader.Read(path);

        Assert.Equal([new FearGreedPoint(new DateOnly(2018, 2, 1), 30, "Fear"), new FearGreedPoint(new DateOnly(2018, 2, 2), 15, "Extreme Fear"),
            new FearGreedPoint(new DateOnly(2018, 2, 4), 40, "Fear")], r.Points);
        Assert.Equal([new DateOnly(2018, 2, 3)], r.MissingDays);
        Assert.Equal(new DateTimeOffset(2018, 2, 2, 0, 0, 0, TimeSpan.Zero), r.Points[0].AvailableAt);
    }

    [Fact]
    public void Read_ApiJson_ParsesUnixDays()
    {
        var path = _dir.Write("fg.json", """{"name":"Fear and Greed Index","data":[{"value":"40","value_classification":"Fear","timestamp":"1551157200"},{"value":"50","value_classification":"Neutral","timestamp":"1551139200"}]}""");

        var ex = Assert.Throws<DataValidationException>(() => FearGreedFileReader.Read(path));
        var ok = _dir.Write("ok.json", """{"data":[{"value":"40","value_classification":"Fear","timestamp":"1551225600"},{"value":"50","value_classification":"Neutral","timestamp":"1551139200"}]}""");
        var r = FearGreedFileReader.Read(ok);

        Assert.Contains("is not 00:00 UTC", ex.Message, StringComparison.Ordinal);
        Assert.Equal([new DateOnly(2019, 2, 26), new DateOnly(2019, 2, 27)], r.Points.Select(p => p.Date));
        Assert.Empty(r.MissingDays);
    }

    [Theory]
    [InlineData("101,Greed,1517443200,2018-02-01,", "value '101' is not an integer from 0 to 100")]
    [InlineData("x,Greed,1517443200,2018-02-01,", "value 'x' is not an integer from 0 to 100")]
    [InlineData("50,,1517443200,2018-02-01,", "value_classification is empty")]
    [InlineData("50,Neutral,1517443200,2018-13-01,", "date '2018-13-01' is not a date (yyyy-MM-dd)")]
    public void Read_BadLine_FailsWithLineNumber(string line, string reason)
    {
        var path = _dir.Write("fg.csv", Header + "30,Fear,1517356800,2018-01-31,\n" + line + "\n");

        var ex = Assert.Throws<DataValidationException>(() => FearGreedFileReader.Read(path));

        Assert.Equal($"{path}:3: {reason}", ex.Message);
    }

    [Fact]
    public void Read_SameDayTwiceWithDifferentValues_Fails()
    {
        var path = _dir.Write("fg.csv", Header + "30,Fear,1517443200,2018-02-01,\n30,Fear,1517443200,2018-02-01,\n31,Fear,1517443200,2018-02-01,\n");

        var ex = Assert.Throws<DataValidationException>(() => FearGreedFileReader.Read(path));

        Assert.Equal($"{path}:4: date 2018-02-01 repeats line 2 with a different value (30 Fear vs 31 Fear)", ex.Message);
    }

    [Fact]
    public void ImportFile_Twice_ThenChanged_CountsInsertedUpdatedUnchanged()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var store = new FearGreedStore(db);
        var a = _dir.Write("a.csv", Header + "30,Fear,1517443200,2018-02-01,\n15,Extreme Fear,1517529600,2018-02-02,\n");
        var b = _dir.Write("b.csv", Header + "16,Extreme Fear,1517529600,2018-02-02,\n40,Fear,1517616000,2018-02-03,\n");

        var first = store.ImportFile(a);
        var again = store.ImportFile(a);
        var overlap = store.ImportFile(b);

        Assert.Equal((2, 2, 0, 0), (first.Rows, first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((2, 0, 0, 2), (again.Rows, again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((2, 1, 1, 0), (overlap.Rows, overlap.Inserted, overlap.Updated, overlap.Unchanged));
        Assert.Equal([30, 16, 40], store.Load().Select(p => p.Value));
        Assert.Equal([16], store.Load(new DateOnly(2018, 2, 2), new DateOnly(2018, 2, 2)).Select(p => p.Value));
    }
}
