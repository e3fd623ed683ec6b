namespace ResearchPlatform.Engine.Storage.Migrations;

/// <summary>
/// Per-generation figures of distributed (Orleans cluster) evaluation: mode, batches, failed evaluations, batch
/// timeouts, resubmitted and locally evaluated individuals, and per-silo load as JSON. A separate table, so runs
/// evaluated locally and older workspaces are untouched; join on (run_id, generation).
/// </summary>
internal sealed record M0010CreateGenerationCluster() : Migration(
    10,
    "create generation_cluster (distributed evaluation figures per generation)",
    """
    CREATE TABLE generation_cluster (
        run_id             VARCHAR NOT NULL,
        generation         INTEGER NOT NULL,
        mode               VARCHAR NOT NULL,
        batches            INTEGER NOT NULL,
        failed_evaluations INTEGER NOT NULL,
        timeouts           INTEGER NOT NULL,
        resubmitted        INTEGER NOT NULL,
        local_fallback     INTEGER NOT NULL,
        workers            JSON    NOT NULL,
        PRIMARY KEY (run_id, generation)
    );
    """);
