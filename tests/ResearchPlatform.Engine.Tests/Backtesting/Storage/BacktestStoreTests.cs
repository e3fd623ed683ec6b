using ResearchPlatform.Engine.Backtesting;
using ResearchPlatform.Engine.Backtesting.Storage;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Backtesting.Storage;

public sealed class BacktestStoreTests
{
    private static readonly BacktestRunInfo Info = new("scripted", "Test@1", "{\"script\":0}", "TEST/USD", "1d", "memory", "{}", "{}");

    [Fact]
    public void Save_Result_StoresRunTradesAndEquityWithSequentialIds()
    {
        using var db = ResearchDatabase.OpenInMemory(new FixedTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var bars = TestSeries.Five();
        var result = Backtest.Run(bars, new ScriptedSeed([1, -1, -1, 0, 0]), [0], new BacktestOptions { Fill = FillMode.Close });
        var store = new BacktestStore(db);

        var first = store.Save(Info, bars, result);
        var second = store.Save(Info, bars, result);

        Assert.Equal((1L, 2L), (first, second));
        Assert.Equal((2L, 5L), store.Count(first));
        Assert.Equal(result.Metrics.FinalEquity, Scalar(db, "SELECT final_equity FROM backtest_runs WHERE run_id = 1"), 1e-9);
        Assert.Equal(2, Scalar(db, "SELECT trades FROM backtest_runs WHERE run_id = 2"));
        Assert.Equal(result.Trades[1].Pnl, Scalar(db, "SELECT pnl FROM backtest_trades WHERE run_id = 1 AND trade_no = 2"), 1e-9);
        Assert.Equal(result.Equity[4], Scalar(db, "SELECT equity FROM backtest_equity WHERE run_id = 1 AND bar_time = TIMESTAMP '2024-01-05 00:00:00'"), 1e-9);
    }

    [Fact]
    public void Save_Failure_LeavesNothingBehind()
    {
        using var db = ResearchDatabase.OpenInMemory();
        var bars = TestSeries.Five();
        var result = Backtest.Run(bars, new ScriptedSeed([1, 1, 0, 0, 0]), [0], new BacktestOptions());
        var broken = result with { Equity = [1, 2, 3, 4, 5, 6] }; // one point more than bars: the equity insert fails
        Assert.ThrowsAny<Exception>(() => new BacktestStore(db).Save(Info, bars, broken));
        Assert.Equal(0, DbProbe.Count(db, "SELECT count(*) FROM backtest_runs"));
        Assert.Equal(0, DbProbe.Count(db, "SELECT count(*) FROM backtest_trades"));
    }

    private static double Scalar(ResearchDatabase db, string sql)
    {
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToDouble(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
