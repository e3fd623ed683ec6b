namespace ResearchPlatform.Engine.Storage.Migrations;

/// <summary>
/// Strategy deployment: one row per managed strategy (stage, ramp step, performance per stage), every transition with
/// the decision that caused it, and deployment settings such as the target live pool size.
/// </summary>
internal sealed record M0007CreateStrategies() : Migration(
    7,
    "create strategies, strategy_transitions and deployment_settings (strategy deployment life cycle)",
    """
    CREATE TABLE strategies (
        strategy_id     VARCHAR   NOT NULL PRIMARY KEY,
        seed_type       VARCHAR   NOT NULL,
        plugin_version  VARCHAR   NOT NULL,
        genes           JSON      NOT NULL,
        source          VARCHAR   NOT NULL,
        stage           VARCHAR   NOT NULL,
        ramp_step       INTEGER   NOT NULL,
        stage_since     TIMESTAMP NOT NULL,
        backtest        JSON,
        paper           JSON,
        live            JSON,
        created_at      TIMESTAMP NOT NULL
    );
    CREATE TABLE strategy_transitions (
        seq             BIGINT    NOT NULL PRIMARY KEY,
        strategy_id     VARCHAR   NOT NULL,
        from_stage      VARCHAR   NOT NULL,
        to_stage        VARCHAR   NOT NULL,
        ramp_step       INTEGER   NOT NULL,
        changed_at      TIMESTAMP NOT NULL,
        reason          VARCHAR   NOT NULL,
        decision_id     VARCHAR,
        actor           VARCHAR   NOT NULL
    );
    CREATE TABLE deployment_settings (
        name            VARCHAR   NOT NULL PRIMARY KEY,
        value           DOUBLE    NOT NULL
    );
    """);
