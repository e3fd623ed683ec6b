namespace ResearchPlatform.Engine.Storage.Migrations;

/// <summary>
/// Paper trading: one row per session (mode, window, options, status, speed), the order journal (write-ahead: an
/// order's <c>submitted</c> entry is stored before it is sent, every later event appended; the entry itself as JSON),
/// fills (one row per applied fill, written with its journal entry), the orders as they ended, and one result row per
/// strategy with its performance.
/// </summary>
internal sealed record M0005CreatePaper() : Migration(
    5,
    "create paper_sessions, order_journal, order_fills, paper_orders, paper_results (paper trading)",
    """
    CREATE TABLE paper_sessions (
        session_id      VARCHAR   NOT NULL PRIMARY KEY,
        created_at      TIMESTAMP NOT NULL,
        finished_at     TIMESTAMP,
        mode            VARCHAR   NOT NULL,
        status          VARCHAR   NOT NULL,
        symbol          VARCHAR   NOT NULL,
        interval        VARCHAR   NOT NULL,
        data_source     VARCHAR   NOT NULL,
        from_time       TIMESTAMP NOT NULL,
        to_time         TIMESTAMP NOT NULL,
        bars            INTEGER   NOT NULL,
        strategies      JSON      NOT NULL,
        options         JSON      NOT NULL,
        elapsed_ms      DOUBLE,
        bars_per_second DOUBLE,
        report          JSON
    );
    CREATE TABLE order_journal (
        journal_id      VARCHAR   NOT NULL,
        sequence        BIGINT    NOT NULL,
        kind            VARCHAR   NOT NULL,
        client_order_id VARCHAR   NOT NULL,
        ts              TIMESTAMP NOT NULL,
        entry           JSON      NOT NULL,
        PRIMARY KEY (journal_id, sequence)
    );
    CREATE TABLE order_fills (
        journal_id      VARCHAR   NOT NULL,
        fill_id         VARCHAR   NOT NULL,
        client_order_id VARCHAR   NOT NULL,
        ts              TIMESTAMP NOT NULL,
        price           DECIMAL(38, 12) NOT NULL,
        quantity        DECIMAL(38, 12) NOT NULL,
        fee             DECIMAL(38, 12) NOT NULL,
        liquidity       VARCHAR,
        PRIMARY KEY (journal_id, fill_id)
    );
    CREATE TABLE paper_orders (
        session_id      VARCHAR   NOT NULL,
        strategy        VARCHAR   NOT NULL,
        client_order_id VARCHAR   NOT NULL,
        symbol          VARCHAR   NOT NULL,
        side            VARCHAR   NOT NULL,
        type            VARCHAR   NOT NULL,
        quantity        DECIMAL(38, 12) NOT NULL,
        state           VARCHAR   NOT NULL,
        filled_quantity DECIMAL(38, 12) NOT NULL,
        avg_fill_price  DECIMAL(38, 12),
        fees            DECIMAL(38, 12) NOT NULL,
        decision_price  DECIMAL(38, 12) NOT NULL,
        decision_time   TIMESTAMP NOT NULL,
        reason          VARCHAR,
        PRIMARY KEY (client_order_id, session_id)
    );
    CREATE TABLE paper_results (
        session_id      VARCHAR   NOT NULL,
        strategy        VARCHAR   NOT NULL,
        seed_type       VARCHAR   NOT NULL,
        genes           JSON      NOT NULL,
        trades          INTEGER   NOT NULL,
        win_rate        DOUBLE    NOT NULL,
        total_pnl       DECIMAL(38, 12) NOT NULL,
        return_pct      DOUBLE    NOT NULL,
        sharpe          DOUBLE,
        max_drawdown    DOUBLE    NOT NULL,
        max_consecutive_losses INTEGER NOT NULL,
        avg_slippage_bps DOUBLE   NOT NULL,
        avg_latency_ms  DOUBLE    NOT NULL,
        fill_success_rate DOUBLE  NOT NULL,
        orders_sent     INTEGER   NOT NULL,
        orders_denied   INTEGER   NOT NULL,
        fees            DECIMAL(38, 12) NOT NULL,
        final_equity    DECIMAL(38, 12) NOT NULL,
        fitness         DOUBLE    NOT NULL,
        PRIMARY KEY (session_id, strategy)
    );
    """);
