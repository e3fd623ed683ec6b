namespace ResearchPlatform.Engine.Storage.Migrations;

/// <summary>Saved backtests (<c>rp backtest --save</c>): the run with its options and metrics, its trades and equity curve.</summary>
internal sealed record M0003CreateBacktests() : Migration(
    3,
    "create backtest_runs, backtest_trades, backtest_equity",
    """
    CREATE TABLE backtest_runs (
        run_id           BIGINT    NOT NULL PRIMARY KEY,
        created_at       TIMESTAMP NOT NULL,
        seed             VARCHAR   NOT NULL,
        seed_version     VARCHAR   NOT NULL,
        genes            VARCHAR   NOT NULL,
        symbol           VARCHAR   NOT NULL,
        interval         VARCHAR   NOT NULL,
        source           VARCHAR   NOT NULL,
        first_bar        TIMESTAMP NOT NULL,
        last_bar         TIMESTAMP NOT NULL,
        bars             INTEGER   NOT NULL,
        options          VARCHAR   NOT NULL,
        final_equity     DOUBLE    NOT NULL,
        total_return_pct DOUBLE    NOT NULL,
        sharpe           DOUBLE,
        max_drawdown_pct DOUBLE,
        trades           INTEGER   NOT NULL,
        metrics          VARCHAR   NOT NULL
    );
    CREATE TABLE backtest_trades (
        run_id      BIGINT    NOT NULL,
        trade_no    INTEGER   NOT NULL,
        entry_time  TIMESTAMP NOT NULL,
        entry_price DOUBLE    NOT NULL,
        exit_time   TIMESTAMP NOT NULL,
        exit_price  DOUBLE    NOT NULL,
        units       DOUBLE    NOT NULL,
        pnl         DOUBLE    NOT NULL,
        return_pct  DOUBLE    NOT NULL,
        fees        DOUBLE    NOT NULL,
        reason      VARCHAR   NOT NULL,
        PRIMARY KEY (run_id, trade_no)
    );
    CREATE TABLE backtest_equity (
        run_id   BIGINT    NOT NULL,
        bar_time TIMESTAMP NOT NULL,
        equity   DOUBLE    NOT NULL,
        PRIMARY KEY (run_id, bar_time)
    );
    """);
