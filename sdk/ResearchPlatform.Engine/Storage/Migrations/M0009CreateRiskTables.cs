namespace ResearchPlatform.Engine.Storage.Migrations;

/// <summary>
/// Risk storage: <c>risk_evolution_runs</c> (what a risk-genome evolution evolves for: the risk genome definition and the
/// fixed strategies; the GA's generations, individuals and hall of fame live in the evolution tables under the same
/// run id) and <c>risk_events</c> (level changes, breaker trips/resets and pre-trade verdicts of a backtest, paper or
/// live session, with the breakers and values behind them).
/// </summary>
internal sealed record M0009CreateRiskTables() : Migration(
    9,
    "create risk_evolution_runs and risk_events (risk-genome evolution inputs, stored risk events)",
    """
    CREATE TABLE risk_evolution_runs (
        run_id           VARCHAR   NOT NULL PRIMARY KEY,
        created_at       TIMESTAMP NOT NULL,
        risk_definition  VARCHAR   NOT NULL,
        strategies_from  VARCHAR   NOT NULL,
        strategies       JSON      NOT NULL,
        baseline         JSON
    );
    CREATE TABLE risk_events (
        source_kind  VARCHAR   NOT NULL,
        source_id    VARCHAR   NOT NULL,
        seq          INTEGER   NOT NULL,
        event_time   TIMESTAMP NOT NULL,
        bar          INTEGER,
        kind         VARCHAR   NOT NULL,
        level_from   VARCHAR   NOT NULL,
        level_to     VARCHAR   NOT NULL,
        breakers     VARCHAR   NOT NULL,
        detail       VARCHAR   NOT NULL,
        PRIMARY KEY (source_kind, source_id, seq)
    );
    """);
