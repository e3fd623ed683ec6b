using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Data.FearGreed;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Data;
using Xunit.Abstractions;

namespace ResearchPlatform.Engine.Tests.Data;

/// <summary>The real files in ../shared/data (skipped with a message when that folder is absent).</summary>
public sealed class SharedDataImportTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ImportFile_BtcUsdtHourly_Has45024BarsAnd27GapsOf127BarsLongest33()
    {
        var path = TestData.File(output, "crypto", "binance-1h", "BTC_USDT-1h.json");
        if (path is null)
        {
            return;
        }

        using var db = ResearchDatabase.Open(_dir.File(ResearchDatabase.FileName));
        var store = new BarStore(db);

        var r = store.ImportFile(path, symbol: "BTC/USDT", interval: BarInterval.Parse("1h"));
        var again = store.ImportFile(path, symbol: "BTC/USDT", interval: BarInterval.Parse("1h"));

        Assert.Equal((45_024, 45_024, 0), (r.Rows, r.Inserted, r.Updated));
        Assert.Equal(27, r.Gaps.Count);
        Assert.Equal(127, r.Gaps.MissingBars);
        Assert.Equal(new Gap(At("2018-02-08T01:00Z"), At("2018-02-09T10:00Z"), 33), r.Gaps.Longest);
        Assert.Equal(At("2017-08-17T04:00Z"), r.First);
        Assert.Equal(At("2022-10-11T10:00Z"), r.Last);
        Assert.Equal((0, 0, 45_024), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal(45_024, store.Count("BTC/USDT", BarInterval.Parse("1h")));
    }

    [Fact]
    public void ImportFile_EveryCryptoFile_ImportsWithTheExpectedRowsAndGaps()
    {
        var root = TestData.File(output, "crypto");
        if (root is null)
        {
            return;
        }

        // file -> (symbol override, rows, gap events); numbers counted independently from the raw files.
        var expected = new Dictionary<string, (string? Symbol, int Rows, int Gaps)>
        {
            ["binance-15m/AVAX_USDT-15m.json"] = (null, 71_822, 9),
            ["binance-15m/DOT_USDT-15m.json"] = (null, 75_116, 9),
            ["binance-15m/NEAR_USDT-15m.json"] = (null, 69_717, 9),
            ["binance-15m/SOL_USDT-15m.json"] = (null, 75_856, 9),
            ["binance-1d/ADA_USDT-1d.json"] = (null, 1_638, 0),
            ["binance-1d/BNB_USDT-1d.json"] = (null, 1_800, 0),
            ["binance-1d/BTC_USDT-1d.json"] = (null, 1_881, 0),
            ["binance-1d/ETH_USDT-1d.json"] = (null, 1_881, 0),
            ["binance-1d/LTC_USDT-1d.json"] = (null, 1_763, 0),
            ["binance-1d/SOL_USDT-1d.json"] = (null, 791, 0),
            ["binance-1d/XRP_USDT-1d.json"] = (null, 1_621, 0),
            ["binance-1h/ADA_USDT-1h.json"] = (null, 39_232, 24),
            ["binance-1h/BNB_USDT-1h.json"] = (null, 43_087, 26),
            ["binance-1h/BTC_USDT-1h.json"] = (null, 45_024, 27),
            ["binance-1h/ETH_USDT-1h.json"] = (null, 45_024, 27),
            ["binance-1h/LTC_USDT-1h.json"] = (null, 42_199, 26),
            ["binance-1h/SOL_USDT-1h.json"] = (null, 18_970, 9),
            ["binance-1h/XRP_USDT-1h.json"] = (null, 38_820, 24),
            ["binance-1m/AVAXUSDT-1m-2023-02.csv"] = (null, 40_320, 0),
            ["binance-1m/NEARUSDT-1m-2023-04.csv"] = (null, 43_200, 0),
            ["binance-1m/NEARUSDT-1m-2023-05.csv"] = (null, 44_640, 0),
            ["binance-recent/BTC_USDT-15m.json"] = ("BTC/USDT-recent", 35_110, 0),
            ["binance-recent/BTC_USDT-1d.json"] = ("BTC/USDT-recent", 365, 0),
            ["binance-recent/BTC_USDT-1h.json"] = ("BTC/USDT-recent", 8_777, 0),
            ["binance-recent/ETH_USDT-1d.json"] = ("ETH/USDT-recent", 365, 0),
            ["long-daily/BTCUSD_1d_candles_full.csv"] = (null, 5_152, 0),
            ["long-daily/bitfinex_hour_btcusd_trade.csv"] = ("BTC/USD-bitfinex", 733, 7),
            ["long-daily/coinbase_daily_btcusd_trade.csv"] = ("BTC/USD-coinbase", 1_318, 8),
        };
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), files);

        using var db = ResearchDatabase.Open(_dir.File(ResearchDatabase.FileName));
        var store = new BarStore(db);
        foreach (var (file, (symbol, rows, gaps)) in expected)
        {
            var r = store.ImportFile(Path.Combine(root, file), symbol: symbol);
            Assert.True(r.Rows == rows && r.Gaps.Count == gaps, $"{file}: rows {r.Rows} (expected {rows}), gaps {r.Gaps.Count} (expected {gaps})");
            Assert.Equal(rows, r.Inserted + r.Updated + r.Unchanged);
        }

        var list = store.List();
        Assert.Equal(45_024, list.Single(x => x.Symbol == "BTC/USDT" && x.Interval.Code == "1h").Rows);
        Assert.Equal(87_840, list.Single(x => x.Symbol == "NEAR/USDT" && x.Interval.Code == "1m").Rows);
        Assert.Equal(27, list.Single(x => x.Symbol == "ETH/USDT" && x.Interval.Code == "1h").GapCount);
    }

    [Fact]
    public void Read_ReferenceFiles_DailyAndHourlyImportMonthlyIsRefused()
    {
        var root = TestData.File(output, "reference");
        if (root is null)
        {
            return;
        }

        var goog = BarFileReader.Read(Path.Combine(root, "GOOG.csv"));
        var eur = BarFileReader.Read(Path.Combine(root, "EURUSD.csv"));
        var index = BarFileReader.Read(Path.Combine(root, "2006-day-001.txt"), symbol: "INDEX");
        var monthly = Assert.Throws<DataValidationException>(() => BarFileReader.Read(Path.Combine(root, "BTCUSD.csv")));

        Assert.Equal(("GOOG", "1d", 2_148), (goog.Series.Symbol, goog.Series.Interval.Code, goog.Series.Count));
        Assert.Equal(100.34, goog.Series.Close[0]);
        Assert.Equal(("EUR/USD", "1h", 5_000), (eur.Series.Symbol, eur.Series.Interval.Code, eur.Series.Count));
        Assert.Equal(("1d", 255), (index.Series.Interval.Code, index.Series.Count));
        Assert.Contains("calendar-month bars are not supported", monthly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportFile_FearGreed_Has2699DaysAndFourMissing()
    {
        var path = TestData.File(output, "sentiment", "fear_greed_alternative_me.csv");
        if (path is null)
        {
            return;
        }

        using var db = ResearchDatabase.OpenInMemory();
        var store = new FearGreedStore(db);

        var r = store.ImportFile(path);
        var again = store.ImportFile(path);

        Assert.Equal((2_699, 2_699), (r.Rows, r.Inserted));
        Assert.Equal((new DateOnly(2018, 2, 1), new DateOnly(2025, 6, 26)), (r.First!.Value, r.Last!.Value));
        Assert.Equal([new DateOnly(2018, 4, 14), new DateOnly(2018, 4, 15), new DateOnly(2018, 4, 16), new DateOnly(2024, 10, 26)], r.MissingDays);
        Assert.Equal(2_699, again.Unchanged);
        Assert.Equal(new FearGreedPoint(new DateOnly(2018, 2, 2), 15, "Extreme Fear"), store.Load(new DateOnly(2018, 2, 2), new DateOnly(2018, 2, 2)).Single());
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
