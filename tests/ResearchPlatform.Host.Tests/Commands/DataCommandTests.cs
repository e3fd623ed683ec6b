using System.Globalization;
using System.Text;
using System.Text.Json;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Tests.TestSupport;
using Xunit.Abstractions;

namespace ResearchPlatform.Host.Tests.Commands;

public sealed class DataCommandTests(ITestOutputHelper output) : IDisposable
{
    private const long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z
    private readonly TempDir _dir = new();

    private string Workspace => Path.Combine(_dir.Path, "ws");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Import_BtcHourlyJson_ReportsBarsAndGapsThenReimportInsertsNothing()
    {
        var path = TestData.File(output, "crypto", "binance-1h", "BTC_USDT-1h.json");
        if (path is null)
        {
            return;
        }

        var first = await RpProcess.RunAsync("data", "import", path, "--symbol", "BTC/USDT", "--interval", "1h", "--json", "--workspace", Workspace);
        var again = await RpProcess.RunAsync("data", "import", path, "--symbol", "BTC/USDT", "--interval", "1h", "--json", "--workspace", Workspace);

        Assert.True(first.ExitCode == 0, first.StdErr);
        using var doc = JsonDocument.Parse(first.StdOut);
        var root = doc.RootElement;
        Assert.Equal("BTC/USDT", root.GetProperty("symbol").GetString());
        Assert.Equal("1h", root.GetProperty("interval").GetString());
        Assert.Equal(45_024, root.GetProperty("rows").GetInt32());
        Assert.Equal(45_024, root.GetProperty("inserted").GetInt32());
        Assert.Equal(0, root.GetProperty("updated").GetInt32());
        Assert.Equal("2017-08-17T04:00:00Z", root.GetProperty("first").GetString());
        Assert.Equal("2022-10-11T10:00:00Z", root.GetProperty("last").GetString());
        var gaps = root.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("missing_bars").GetInt64()).ToList();
        Assert.Equal(27, gaps.Count);
        Assert.Equal(127, gaps.Sum());
        Assert.Equal(33, gaps.Max());
        Assert.Equal("2018-02-08T01:00:00Z", root.GetProperty("longest_gap").GetProperty("from").GetString());
        Assert.True(again.ExitCode == 0, again.StdErr);
        using var doc2 = JsonDocument.Parse(again.StdOut);
        Assert.Equal(0, doc2.RootElement.GetProperty("inserted").GetInt32());
        Assert.Equal(0, doc2.RootElement.GetProperty("updated").GetInt32());
        Assert.Equal(45_024, doc2.RootElement.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Import_FileWithOneCorruptedLine_Exits2NamingTheLineAndLeavesTheDatabaseUnchanged()
    {
        var good = WriteCsv("GOOD_USDT-1h.csv", 200, corruptLine: null);
        var ok = await RpProcess.RunAsync("data", "import", good, "--workspace", Workspace);
        Assert.True(ok.ExitCode == 0, ok.StdErr);
        var before = Probe();
        var bad = WriteCsv("BAD_USDT-1h.csv", 500, corruptLine: 321);

        var r = await RpProcess.RunAsync("data", "import", bad, "--json", "--workspace", Workspace);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal(string.Empty, r.StdOut);
        Assert.Contains($"error: {bad}:321: high 1 is below max(open, close) = 420", r.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, Probe());
        Assert.Equal(200, before.Rows);
    }

    [Fact]
    public async Task List_WhileAnotherProcessHoldsTheWorkspace_Exits1NamingTheLock()
    {
        Directory.CreateDirectory(Workspace);
        using var held = ResearchDatabase.Open(Path.Combine(Workspace, ResearchDatabase.FileName));

        var r = await RpProcess.RunAsync("data", "list", "--workspace", Workspace);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"cannot open {Path.Combine(Workspace, ResearchDatabase.FileName)}", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("lock", r.StdErr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task List_Json_ShowsEachSeriesWithRowsRangeAndGaps()
    {
        var csv = WriteCsv("ABC_USDT-1h.csv", 48, corruptLine: null, skipRows: [10, 11, 30]);
        Assert.Equal(0, (await RpProcess.RunAsync("data", "import", csv, "--workspace", Workspace)).ExitCode);

        var r = await RpProcess.RunAsync("data", "list", "--json", "--workspace", Workspace);
        var table = await RpProcess.RunAsync("data", "list", "--workspace", Workspace);

        Assert.True(r.ExitCode == 0, r.StdErr);
        using var doc = JsonDocument.Parse(r.StdOut);
        var s = doc.RootElement.GetProperty("series").EnumerateArray().Single();
        Assert.Equal("ABC/USDT", s.GetProperty("symbol").GetString());
        Assert.Equal(45, s.GetProperty("rows").GetInt64());
        Assert.Equal("2024-01-01T00:00:00Z", s.GetProperty("first").GetString());
        Assert.Equal("2024-01-02T23:00:00Z", s.GetProperty("last").GetString());
        Assert.Equal(2, s.GetProperty("gap_count").GetInt64());
        Assert.Equal(3, s.GetProperty("missing_bars").GetInt64());
        Assert.Contains("ABC/USDT", table.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv", "out.csv")]
    [InlineData("parquet", "out.parquet")]
    public async Task Export_ThenImportIntoAnotherWorkspace_RoundTripsTheBars(string format, string file)
    {
        var csv = WriteCsv("RT_USDT-1h.csv", 100, corruptLine: null);
        Assert.Equal(0, (await RpProcess.RunAsync("data", "import", csv, "--workspace", Workspace)).ExitCode);
        var outPath = Path.Combine(_dir.Path, file);

        var export = await RpProcess.RunAsync("data", "export", "--symbol", "RT/USDT", "--interval", "1h", "--format", format, "--out", outPath, "--json", "--workspace", Workspace);
        var import = await RpProcess.RunAsync("data", "import", outPath, "--symbol", "RT/USDT", "--json", "--workspace", Path.Combine(_dir.Path, "ws2"));
        var reimport = await RpProcess.RunAsync("data", "import", outPath, "--symbol", "RT/USDT", "--json", "--workspace", Workspace);

        Assert.True(export.ExitCode == 0, export.StdErr);
        using var e = JsonDocument.Parse(export.StdOut);
        Assert.Equal(100, e.RootElement.GetProperty("rows").GetInt32());
        Assert.True(import.ExitCode == 0, import.StdErr);
        using var i = JsonDocument.Parse(import.StdOut);
        Assert.Equal(100, i.RootElement.GetProperty("inserted").GetInt32());
        using var again = JsonDocument.Parse(reimport.StdOut);
        Assert.Equal(100, again.RootElement.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Export_Resampled_WritesDailyBarsAndCountsPartialBuckets()
    {
        var csv = WriteCsv("RS_USDT-1h.csv", 60, corruptLine: null);
        Assert.Equal(0, (await RpProcess.RunAsync("data", "import", csv, "--workspace", Workspace)).ExitCode);
        var outPath = Path.Combine(_dir.Path, "d.csv");

        var r = await RpProcess.RunAsync("data", "export", "--symbol", "RS/USDT", "--interval", "1h", "--out", outPath, "--resample", "1d", "--json", "--workspace", Workspace);

        Assert.True(r.ExitCode == 0, r.StdErr);
        using var doc = JsonDocument.Parse(r.StdOut);
        Assert.Equal("1d", doc.RootElement.GetProperty("interval").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("partial_buckets").GetInt32());
        var lines = File.ReadAllLines(outPath);
        Assert.Equal("open_time,open,high,low,close,volume", lines[0]);
        Assert.StartsWith("2024-01-01T00:00:00Z,100,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportFearGreed_Json_ReportsRowsAndMissingDays()
    {
        var path = Path.Combine(_dir.Path, "fg.csv");
        await File.WriteAllTextAsync(path, "fear_greed_index,value_classification,timestamp,date,fear_greed_log_return\n30,Fear,1517443200,2018-02-01,\n40,Fear,1517616000,2018-02-03,\n");

        var r = await RpProcess.RunAsync("data", "import-fear-greed", path, "--json", "--workspace", Workspace);

        Assert.True(r.ExitCode == 0, r.StdErr);
        using var doc = JsonDocument.Parse(r.StdOut);
        Assert.Equal(2, doc.RootElement.GetProperty("inserted").GetInt32());
        Assert.Equal("2018-02-02", doc.RootElement.GetProperty("missing_days")[0].GetString());
    }

    [Theory]
    [InlineData("data", "import", "x.csv", "--format", "xml")]
    [InlineData("data", "import", "/nonexistent/file.csv")]
    [InlineData("data", "import", "x.csv", "--interval", "5x")]
    [InlineData("data", "export", "--symbol", "NOPE", "--interval", "1h", "--out", "x.csv")]
    [InlineData("data", "export", "--symbol", "NOPE", "--interval", "1h", "--out", "x.txt")]
    public async Task BadUsageOrInput_Exits2WithAnErrorOnStderr(params string[] args)
    {
        var r = await RpProcess.RunAsync([.. args, "--workspace", Workspace]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error", r.StdErr, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("data")]
    [InlineData("data", "import")]
    [InlineData("data", "import-fear-greed")]
    [InlineData("data", "list")]
    [InlineData("data", "export")]
    [InlineData("bench", "data")]
    public async Task Help_EveryDataCommand_DescribesItselfAndExits0(params string[] command)
    {
        var r = await RpProcess.RunAsync([.. command, "--help"]);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage:", r.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchData_SmallRun_PrintsItsFiguresAsOneJsonDocument()
    {
        var r = await RpProcess.RunAsync("bench", "data", "--rows", "5000", "--json");

        Assert.True(r.ExitCode == 0, r.StdErr);
        using var doc = JsonDocument.Parse(r.StdOut);
        var root = doc.RootElement;
        Assert.Equal(5000, root.GetProperty("rows").GetInt32());
        Assert.Equal(5000, root.GetProperty("inserted").GetInt32());
        Assert.Equal(0, root.GetProperty("reimport_inserted").GetInt32());
        Assert.Equal(5000, root.GetProperty("loaded_bars").GetInt32());
        Assert.Equal(5000 / 60, root.GetProperty("hourly_bars").GetInt32());
        Assert.True(root.GetProperty("import_ms").GetInt64() >= 0);
        Assert.Equal(300, root.GetProperty("load_target_ms").GetInt64());
    }

    /// <summary>Hourly bars from 2024-01-01 (close = open + 1); <paramref name="corruptLine"/> gets high below the open.</summary>
    private string WriteCsv(string name, int rows, int? corruptLine, int[]? skipRows = null)
    {
        var sb = new StringBuilder("open_time,open,high,low,close,volume\n");
        for (var i = 0; i < rows; i++)
        {
            if (skipRows?.Contains(i) == true)
            {
                continue;
            }

            var line = sb.ToString().Count(c => c == '\n') + 1;
            var high = line == corruptLine ? 1 : 102 + i;
            sb.Append(CultureInfo.InvariantCulture, $"{T0 + (i * 3_600_000L)},{100 + i},{high},{99 + i},{101 + i},{10 + i}\n");
        }

        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    private (long Rows, string Checksum) Probe()
    {
        using var db = ResearchDatabase.Open(Path.Combine(Workspace, ResearchDatabase.FileName));
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = "SELECT count(*), CAST(coalesce(sum(hash(symbol, interval, open_time, open, high, low, close, volume, source)), 0) AS VARCHAR) FROM bars";
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetString(1));
    }
}
