using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Engine.Backtesting.Storage;

/// <summary>
/// Saves backtests in <c>research.duckdb</c> (tables of migration 3): the run row, its trades and equity curve, in one
/// transaction, so a failure leaves nothing behind. Run ids are a deterministic sequence (max + 1).
/// </summary>
public sealed class BacktestStore
{
    private readonly ResearchDatabase _db;
    private readonly TimeProvider _time;

    public BacktestStore(ResearchDatabase db, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Saves one single-backtest result; returns its run id.</summary>
    public long Save(BacktestRunInfo info, BarSeries bars, BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(result);
        var con = _db.Connection;
        using var tx = con.BeginTransaction();
        try
        {
            var id = NextId(con);
            InsertRun(con, id, info, bars, result);
            using (var app = con.CreateAppender("backtest_trades"))
            {
                var n = 0;
                foreach (var t in result.Trades)
                {
                    app.CreateRow().AppendValue(id).AppendValue(++n).AppendValue(t.EntryTime.UtcDateTime).AppendValue(t.EntryPrice)
                        .AppendValue(t.ExitTime.UtcDateTime).AppendValue(t.ExitPrice).AppendValue(t.Units).AppendValue(t.Pnl)
                        .AppendValue(t.ReturnPct).AppendValue(t.Fees).AppendValue(ReasonText(t.Reason)).EndRow();
                }
            }

            using (var app = con.CreateAppender("backtest_equity"))
            {
                for (var i = 0; i < result.Equity.Count; i++)
                {
                    app.CreateRow().AppendValue(id).AppendValue(bars.TimeAt(result.Range.Start + i).UtcDateTime).AppendValue(result.Equity[i]).EndRow();
                }
            }

            tx.Commit();
            return id;
        }
        catch
        {
            tx.Rollback();
            throw;
        }
    }

    /// <summary>Rows stored for a run: (trades, equity points); (0, 0) when it does not exist.</summary>
    public (long Trades, long Equity) Count(long runId)
    {
        using var cmd = _db.Connection.CreateCommand();
        cmd.CommandText = "SELECT (SELECT count(*) FROM backtest_trades WHERE run_id = $id), (SELECT count(*) FROM backtest_equity WHERE run_id = $id)";
        cmd.Parameters.Add(new DuckDBParameter("id", runId));
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    /// <summary>snake_case text of an exit reason.</summary>
    public static string ReasonText(ExitReason reason) => reason switch
    {
        ExitReason.StopLoss => "stop_loss",
        ExitReason.TrailingStop => "trailing_stop",
        ExitReason.TakeProfit => "take_profit",
        ExitReason.EndOfData => "end_of_data",
        ExitReason.Risk => "risk",
        _ => "signal",
    };

    private static long NextId(DuckDBConnection con)
    {
        using var cmd = con.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(run_id), 0) + 1 FROM backtest_runs";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void InsertRun(DuckDBConnection con, long id, BacktestRunInfo info, BarSeries bars, BacktestResult result)
    {
        var m = result.Metrics;
        using var cmd = con.CreateCommand();
        cmd.CommandText = """
            INSERT INTO backtest_runs VALUES ($id, $created, $seed, $ver, $genes, $symbol, $interval, $source, $first, $last,
                $bars, $options, $final, $ret, $sharpe, $dd, $trades, $metrics)
            """;
        void P(string name, object? value) => cmd.Parameters.Add(new DuckDBParameter(name, value));
        P("id", id);
        P("created", _time.GetUtcNow().UtcDateTime);
        P("seed", info.Seed);
        P("ver", info.SeedVersion);
        P("genes", info.GenesJson);
        P("symbol", info.Symbol);
        P("interval", info.Interval);
        P("source", info.Source);
        P("first", bars.TimeAt(result.Range.Start).UtcDateTime);
        P("last", bars.TimeAt(result.Range.End - 1).UtcDateTime);
        P("bars", result.Range.Length);
        P("options", info.OptionsJson);
        P("final", m.FinalEquity);
        P("ret", m.TotalReturnPct);
        P("sharpe", double.IsFinite(m.Sharpe) ? m.Sharpe : null);
        P("dd", double.IsFinite(m.MaxDrawdownPct) ? m.MaxDrawdownPct : null);
        P("trades", m.Trades);
        P("metrics", info.MetricsJson);
        cmd.ExecuteNonQuery();
    }
}
