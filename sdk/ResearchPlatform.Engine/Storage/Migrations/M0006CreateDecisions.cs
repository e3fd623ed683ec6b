namespace ResearchPlatform.Engine.Storage.Migrations;

/// <summary>
/// Decision history: every automated decision with its typed value (JSON), confidence, reasoning, urgency, thresholds and
/// inputs used, rule file and content hash, routing, status (auto_executed, executed_flagged, pending, approved,
/// rejected), the error of a fallback, and the human verdict when one was given.
/// </summary>
internal sealed record M0006CreateDecisions() : Migration(
    6,
    "create decisions (automated decision history, routing and human verdicts)",
    """
    CREATE TABLE decisions (
        decision_id           VARCHAR   NOT NULL PRIMARY KEY,
        created_at            TIMESTAMP NOT NULL,
        decision_type         VARCHAR   NOT NULL,
        value                 JSON      NOT NULL,
        summary               VARCHAR   NOT NULL,
        confidence            DOUBLE    NOT NULL,
        reasoning             VARCHAR   NOT NULL,
        urgency               VARCHAR   NOT NULL,
        thresholds            JSON      NOT NULL,
        inputs                JSON      NOT NULL,
        rule_file             VARCHAR   NOT NULL,
        rule_hash             VARCHAR   NOT NULL,
        requires_human_review BOOLEAN   NOT NULL,
        routing               VARCHAR   NOT NULL,
        status                VARCHAR   NOT NULL,
        from_cache            BOOLEAN   NOT NULL,
        error                 VARCHAR,
        verdict_at            TIMESTAMP,
        verdict_note          VARCHAR
    );
    """);
