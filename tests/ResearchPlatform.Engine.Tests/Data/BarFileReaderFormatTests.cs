using System.IO.Compression;
using System.Text;
using DuckDB.NET.Data;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Tests.Data;

public sealed class BarFileReaderFormatTests : IDisposable
{
    // 2024-01-01T00:00Z and the next two hours, in the encodings the formats use.
    private const long T0 = 1_704_067_200_000L;
    private static readonly BarInterval H1 = BarInterval.Parse("1h");
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_FreqtradeJson_ParsesBarsAndInfersSymbolAndInterval()
    {
        var path = _dir.Write("ETH_USDT-1h.json", $"[[{T0},10.0,12.5,9.5,11.0,100.25],[{T0 + 3_600_000},11.0,11.5,10.0,10.5,50]]");

        var r = BarFileReader.Read(path);

        Assert.Equal(BarFileFormat.Freqtrade, r.Format);
        Assert.Equal("ETH/USDT", r.Series.Symbol);
        Assert.True(r.SymbolInferred);
        Assert.Equal(H1, r.Series.Interval);
        Assert.True(r.IntervalInferred);
        AssertBars(r.Series, [T0, T0 + 3_600_000], [10.0, 11.0], [12.5, 11.5], [9.5, 10.0], [11.0, 10.5], [100.25, 50]);
    }

    [Fact]
    public void Read_FreqtradeJsonGzipped_IsSniffedThroughCompression()
    {
        var path = _dir.File("BTC_USDT-1h.json.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes($"[[{T0},1,2,0.5,1.5,3],[{T0 + 3_600_000},1.5,2,1,1.2,4]]"));
        }

        var r = BarFileReader.Read(path);

        Assert.Equal(BarFileFormat.Freqtrade, r.Format);
        Assert.Equal("BTC/USDT", r.Series.Symbol);
        Assert.Equal([1.5, 1.2], r.Series.Close);
    }

    [Fact]
    public void Read_BinanceCsvWithHeaderInMilliseconds_ParsesOhlcvColumns()
    {
        var path = _dir.Write("AVAXUSDT-1h-2024-01.csv",
            "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n" +
            $"{T0},19.8070,19.8310,19.8040,19.8130,11067,{T0 + 3_599_999},219303.9560,500,6254,123933.6690,0\n" +
            $"{T0 + 3_600_000},19.8100,19.8210,19.8050,19.8060,7303,{T0 + 7_199_999},144686.7920,429,3335,66060.6190,0\n");

        var r = BarFileReader.Read(path);

        Assert.Equal(BarFileFormat.Binance, r.Format);
        Assert.Equal("AVAX/USDT", r.Series.Symbol);
        AssertBars(r.Series, [T0, T0 + 3_600_000], [19.807, 19.81], [19.831, 19.821], [19.804, 19.805], [19.813, 19.806], [11067, 7303]);
    }

    [Fact]
    public void Read_BinanceCsvHeaderlessInMicroseconds_ConvertsToMilliseconds()
    {
        var us = T0 * 1000;
        var path = _dir.Write("BTCUSDT-1h-2025-01.csv",
            $"{us},100,110,90,105,7,{us + 3_599_999_999},700,10,3,300,0\n" +
            $"{us + 3_600_000_000},105,106,101,102,8,{us + 7_199_999_999},800,11,4,400,0\n");

        var r = BarFileReader.Read(path, BarFileFormat.Binance);

        Assert.Equal(BarFileFormat.Binance, r.Format);
        Assert.Equal([T0, T0 + 3_600_000], r.Series.OpenTimesMs);
        Assert.Equal([105.0, 102.0], r.Series.Close);
    }

    [Fact]
    public void Read_AutoOnHeaderlessBinanceKlines_DetectsBinance()
    {
        var path = _dir.Write("x.csv",
            $"{T0},100,110,90,105,7,{T0 + 3_599_999},700,10,3,300,0\n{T0 + 3_600_000},105,106,101,102,8,{T0 + 7_199_999},800,11,4,400,0\n");

        var r = BarFileReader.Read(path, symbol: "X/Y");

        Assert.Equal(BarFileFormat.Binance, r.Format);
        Assert.Equal(2, r.Series.Count);
    }

    [Fact]
    public void Read_GenericCsvWithShuffledMixedCaseColumns_MapsByName()
    {
        // Column order of BTCUSD_1d_candles_full.csv: timestamp,open,close,volume,unix_timestamp,high,low
        var path = _dir.Write("data.csv",
            "TimeStamp,OPEN,Close,Volume,unix_timestamp,High,low\n" +
            "2024-01-01 00:00:00,10.9,10.9,0.5,1704067200,10.9,10.9\n" +
            "2024-01-02 00:00:00,10.9,11.69,1.9,1704153600,11.85,10.9\n");

        var r = BarFileReader.Read(path, symbol: "BTC/USD");

        Assert.Equal(BarFileFormat.Csv, r.Format);
        Assert.Equal(BarInterval.Parse("1d"), r.Series.Interval);
        AssertBars(r.Series, [T0, T0 + 86_400_000], [10.9, 10.9], [10.9, 11.85], [10.9, 10.9], [10.9, 11.69], [0.5, 1.9]);
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z")]
    [InlineData("2024-01-01T00:00:00.000Z", "2024-01-01T01:00:00.000Z")]
    [InlineData("2024-01-01 00:00:00", "2024-01-01 01:00:00")]
    [InlineData("2024-01-01T02:00:00+02:00", "2024-01-01T03:00:00+02:00")]
    [InlineData("2024-01-01 00:00", "2024-01-01 01:00")]
    [InlineData("20240101 00:00", "20240101 01:00")]
    [InlineData("1704067200", "1704070800")]
    [InlineData("1704067200000", "1704070800000")]
    [InlineData("1704067200000000", "1704070800000000")]
    public void Read_CsvDateStyles_AllGiveTheSameUtcOpenTimes(string first, string second)
    {
        var path = _dir.Write("styles.csv", $"date,open,high,low,close,volume\n{first},1,2,0.5,1.5,10\n{second},1.5,2,1,1.8,11\n");

        var r = BarFileReader.Read(path, symbol: "S");

        Assert.Equal([T0, T0 + 3_600_000], r.Series.OpenTimesMs);
        Assert.Equal(H1, r.Series.Interval);
    }

    [Fact]
    public void Read_HeaderlessQuantConnectStyle_ParsesPositionalColumns()
    {
        var path = _dir.Write("coinbase_daily_btcusd_trade.csv", "20141201 00:00,300,370,300,370,0.05655554\n20141202 00:00,377,378,377,378,15.0136\n");

        var r = BarFileReader.Read(path, symbol: "BTC/USD");

        Assert.Equal(BarFileFormat.Csv, r.Format);
        Assert.Equal(new DateTimeOffset(2014, 12, 1, 0, 0, 0, TimeSpan.Zero), r.Series.TimeAt(0));
        Assert.Equal(BarInterval.Parse("1d"), r.Series.Interval);
        Assert.Equal([370.0, 378.0], r.Series.Close);
    }

    [Fact]
    public void Read_PandasStyleWithDateIndexAndNoName_UsesTheIndexAsTime()
    {
        var path = _dir.Write("GOOG.csv", ",Open,High,Low,Close,Volume\n2004-08-19,100,104.06,95.96,100.34,22351900\n2004-08-20,101.01,109.08,100.5,108.31,11428600\n");

        var r = BarFileReader.Read(path);

        Assert.Equal("GOOG", r.Series.Symbol);
        Assert.Equal(new DateTimeOffset(2004, 8, 19, 0, 0, 0, TimeSpan.Zero), r.Series.TimeAt(0));
        Assert.Equal([100.34, 108.31], r.Series.Close);
    }

    [Fact]
    public void Read_SemicolonDelimitedWithSeparateDateAndTimeColumns_CombinesThem()
    {
        var path = _dir.Write("mt.csv", "Date;Time;Open;High;Low;Close;Volume\n2024-01-01;00:00;1;2;0.5;1.5;10\n2024-01-01;01:00;1.5;2;1;1.8;11\n");

        var r = BarFileReader.Read(path, symbol: "EUR/USD");

        Assert.Equal([T0, T0 + 3_600_000], r.Series.OpenTimesMs);
    }

    [Fact]
    public void Read_CsvInsideZip_ReadsTheSingleEntry()
    {
        var path = _dir.File("NEARUSDT-1m-2023-04.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry("NEARUSDT-1m-2023-04.csv");
            using var w = new StreamWriter(entry.Open());
            w.Write($"{T0},1,2,0.5,1.5,10,{T0 + 59_999},15,3,5,7,0\n{T0 + 60_000},1.5,2,1,1.8,11,{T0 + 119_999},16,4,5,7,0\n");
        }

        var r = BarFileReader.Read(path);

        Assert.Equal("NEAR/USDT", r.Series.Symbol);
        Assert.Equal(BarInterval.Parse("1m"), r.Series.Interval);
        Assert.Equal(2, r.Series.Count);
    }

    [Fact]
    public void Read_ParquetWithTimestampColumn_ParsesBarsAndSymbolColumn()
    {
        var path = _dir.File("bars.parquet");
        WriteParquet(path, "SELECT 'SOL/USDT' AS symbol, TIMESTAMPTZ '2024-01-01 00:00:00+00' + INTERVAL (i) HOUR AS open_time, " +
                           "10.0 + i AS open, 12.0 + i AS high, 9.0 + i AS low, 11.0 + i AS close, 100.0 * (i + 1) AS volume FROM range(3) t(i)");

        var r = BarFileReader.Read(path);

        Assert.Equal(BarFileFormat.Parquet, r.Format);
        Assert.Equal("SOL/USDT", r.Series.Symbol);
        AssertBars(r.Series, [T0, T0 + 3_600_000, T0 + 7_200_000], [10, 11, 12], [12, 13, 14], [9, 10, 11], [11, 12, 13], [100, 200, 300]);
    }

    [Fact]
    public void Read_ParquetWithUnixMillisecondColumn_ParsesBars()
    {
        var path = _dir.File("ms.parquet");
        WriteParquet(path, $"SELECT {T0}::BIGINT + i * 900000 AS date, 1.0 AS Open, 2.0 AS High, 0.5 AS Low, 1.5 AS Close, 3.0 AS Volume FROM range(4) t(i)");

        var r = BarFileReader.Read(path, BarFileFormat.Parquet, "X");

        Assert.Equal(BarInterval.Parse("15m"), r.Series.Interval);
        Assert.Equal(T0 + 2_700_000, r.Series.OpenTimesMs[3]);
    }

    [Fact]
    public void Read_UnsortedInputWithExactDuplicate_IsSortedAndDeduplicated()
    {
        var path = _dir.Write("u.csv",
            $"open_time,open,high,low,close,volume\n{T0 + 7_200_000},3,3,3,3,1\n{T0},1,1,1,1,1\n{T0 + 3_600_000},2,2,2,2,1\n{T0},1,1,1,1,1\n");

        var r = BarFileReader.Read(path, symbol: "S", interval: H1);

        Assert.Equal([T0, T0 + 3_600_000, T0 + 7_200_000], r.Series.OpenTimesMs);
        Assert.Equal([1.0, 2.0, 3.0], r.Series.Close);
        Assert.Equal(1, r.DuplicatesDropped);
    }

    [Fact]
    public void Read_GappedSeries_ReportsGapsWithoutFilling()
    {
        long[] times = [T0, T0 + 3_600_000, T0 + (5 * 3_600_000), T0 + (6 * 3_600_000), T0 + (9 * 3_600_000)];
        var json = "[" + string.Join(",", times.Select(t => $"[{t},1,1,1,1,1]")) + "]";
        var path = _dir.Write("X_Y-1h.json", json);

        var r = BarFileReader.Read(path);

        Assert.Equal(5, r.Series.Count);
        Assert.Equal(2, r.Gaps.Count);
        Assert.Equal(5, r.Gaps.MissingBars);
        Assert.Equal(new Gap(DateTimeOffset.FromUnixTimeMilliseconds(T0 + 7_200_000), DateTimeOffset.FromUnixTimeMilliseconds(T0 + 18_000_000), 3), r.Gaps.Gaps[0]);
        Assert.Equal(3, r.Gaps.Longest!.MissingBars);
        Assert.Equal(2, r.Gaps.Gaps[1].MissingBars);
        Assert.Equal(r.Gaps.Gaps, r.Gaps.ToList());
    }

    private static void WriteParquet(string path, string select)
    {
        using var con = new DuckDBConnection("Data Source=:memory:");
        con.Open();
        using var cmd = con.CreateCommand();
        cmd.CommandText = $"SET TimeZone='UTC'; COPY ({select}) TO '{path}' (FORMAT parquet)";
        cmd.ExecuteNonQuery();
    }

    private static void AssertBars(BarSeries s, long[] t, double[] o, double[] h, double[] l, double[] c, double[] v)
    {
        Assert.Equal(t, s.OpenTimesMs);
        Assert.Equal(o, s.Open);
        Assert.Equal(h, s.High);
        Assert.Equal(l, s.Low);
        Assert.Equal(c, s.Close);
        Assert.Equal(v, s.Volume);
    }
}
