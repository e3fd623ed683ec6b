namespace ResearchPlatform.Engine.Storage.Migrations;

/// <summary>
/// Evolution runs: one row per run (configuration to resume it, status, outcome), one per completed generation
/// (statistics and the population as individual sequence numbers), one per evaluated individual (genes as a JSON object,
/// fitness, in-sample and out-of-sample metrics, raw per-window metrics), and the hall of fame / Pareto front with
/// hold-out metrics. Rows of one generation are written in one transaction.
/// </summary>
internal sealed record M0004CreateEvolution() : Migration(
    4,
    "create evolution_runs, generations, individuals, hall_of_fame (genetic strategy pool)",
    """
    CREATE TABLE evolution_runs (
        run_id                VARCHAR   NOT NULL PRIMARY KEY,
        created_at            TIMESTAMP NOT NULL,
        updated_at            TIMESTAMP NOT NULL,
        status                VARCHAR   NOT NULL,
        symbol                VARCHAR   NOT NULL,
        interval              VARCHAR   NOT NULL,
        data_source           VARCHAR   NOT NULL,
        dataset_key           VARCHAR   NOT NULL,
        cost_model            VARCHAR   NOT NULL,
        bar_count             INTEGER   NOT NULL,
        seed                  INTEGER   NOT NULL,
        objective             VARCHAR   NOT NULL,
        population            INTEGER   NOT NULL,
        max_generations       INTEGER   NOT NULL,
        seed_types            JSON      NOT NULL,
        config                JSON      NOT NULL,
        completed_generations INTEGER   NOT NULL,
        termination           VARCHAR,
        distinct_evaluations  BIGINT,
        deflated_sharpe       JSON,
        finished_at           TIMESTAMP
    );
    CREATE TABLE generations (
        run_id             VARCHAR   NOT NULL,
        generation         INTEGER   NOT NULL,
        best_fitness       DOUBLE,
        mean_fitness       DOUBLE,
        median_fitness     DOUBLE,
        std_fitness        DOUBLE,
        best_objective1    DOUBLE,
        best_objective2    DOUBLE,
        pareto_front_size  INTEGER   NOT NULL,
        best_individual    VARCHAR   NOT NULL,
        mean_gene_distance DOUBLE    NOT NULL,
        unique_individuals INTEGER   NOT NULL,
        seed_type_counts   JSON      NOT NULL,
        evaluations        INTEGER   NOT NULL,
        cache_hits         INTEGER   NOT NULL,
        failures           INTEGER   NOT NULL,
        timeouts           INTEGER   NOT NULL,
        immigrants         INTEGER   NOT NULL,
        eval_seconds       DOUBLE    NOT NULL,
        generation_seconds DOUBLE    NOT NULL,
        steps_per_second   DOUBLE    NOT NULL,
        population         JSON      NOT NULL,
        completed_at       TIMESTAMP NOT NULL,
        PRIMARY KEY (run_id, generation)
    );
    CREATE TABLE individuals (
        run_id             VARCHAR NOT NULL,
        sequence           BIGINT  NOT NULL,
        generation         INTEGER NOT NULL,
        seed_type          VARCHAR NOT NULL,
        plugin_version     VARCHAR NOT NULL,
        genes              JSON    NOT NULL,
        status             VARCHAR NOT NULL,
        error              VARCHAR,
        fitness            DOUBLE,
        objective1         DOUBLE,
        objective2         DOUBLE,
        train_sharpe       DOUBLE,
        train_return       DOUBLE,
        train_max_drawdown DOUBLE,
        train_trades       BIGINT,
        oos_sharpe         DOUBLE,
        oos_return         DOUBLE,
        oos_max_drawdown   DOUBLE,
        oos_trades         BIGINT,
        windows            JSON    NOT NULL,
        PRIMARY KEY (run_id, sequence)
    );
    CREATE TABLE hall_of_fame (
        run_id               VARCHAR NOT NULL,
        list                 VARCHAR NOT NULL,
        rank                 INTEGER NOT NULL,
        sequence             BIGINT  NOT NULL,
        holdout_status       VARCHAR NOT NULL,
        holdout_sharpe       DOUBLE,
        holdout_return       DOUBLE,
        holdout_max_drawdown DOUBLE,
        holdout_trades       BIGINT,
        holdout_windows      JSON    NOT NULL,
        PRIMARY KEY (run_id, list, rank)
    );
    """);
