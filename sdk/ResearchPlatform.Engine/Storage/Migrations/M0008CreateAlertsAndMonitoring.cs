namespace ResearchPlatform.Engine.Storage.Migrations;

/// <summary>
/// Alert history (created, count within the throttling window, escalation stage, acknowledged, resolved), one row per
/// delivery per channel and escalation stage (status, attempts, last error), and monitoring samples (raw and downsampled
/// to 1-minute and 1-hour buckets).
/// </summary>
internal sealed record M0008CreateAlertsAndMonitoring() : Migration(
    8,
    "create alerts, alert_deliveries and monitoring_samples (alert history, delivery per channel, downsampled metrics)",
    """
    CREATE TABLE alerts (
        alert_id         VARCHAR   NOT NULL PRIMARY KEY,
        created_at       TIMESTAMP NOT NULL,
        last_seen_at     TIMESTAMP NOT NULL,
        raised_at        TIMESTAMP NOT NULL,
        level            VARCHAR   NOT NULL,
        category         VARCHAR   NOT NULL,
        alert_key        VARCHAR   NOT NULL,
        title            VARCHAR   NOT NULL,
        body             VARCHAR   NOT NULL,
        component        VARCHAR   NOT NULL,
        context          JSON      NOT NULL,
        occurrences      INTEGER   NOT NULL,
        escalation_stage INTEGER   NOT NULL,
        acknowledged_at  TIMESTAMP,
        acknowledged_by  VARCHAR,
        resolved_at      TIMESTAMP
    );
    CREATE TABLE alert_deliveries (
        alert_id     VARCHAR   NOT NULL,
        channel      VARCHAR   NOT NULL,
        stage        INTEGER   NOT NULL,
        status       VARCHAR   NOT NULL,
        attempts     INTEGER   NOT NULL,
        last_error   VARCHAR,
        updated_at   TIMESTAMP NOT NULL,
        delivered_at TIMESTAMP,
        PRIMARY KEY (alert_id, channel, stage)
    );
    CREATE TABLE monitoring_samples (
        sampled_at TIMESTAMP NOT NULL,
        resolution VARCHAR   NOT NULL,
        metric     VARCHAR   NOT NULL,
        value      DOUBLE    NOT NULL,
        min_value  DOUBLE    NOT NULL,
        max_value  DOUBLE    NOT NULL,
        samples    INTEGER   NOT NULL
    );
    CREATE INDEX monitoring_samples_at ON monitoring_samples (resolution, sampled_at);
    """);
