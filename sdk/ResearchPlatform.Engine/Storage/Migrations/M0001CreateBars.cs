namespace ResearchPlatform.Engine.Storage.Migrations;

/// <summary>Market data: one row per bar, keyed by symbol, interval code and UTC open time.</summary>
internal sealed record M0001CreateBars() : Migration(
    1,
    "create bars (OHLCV market data)",
    """
    CREATE TABLE bars (
        symbol     VARCHAR   NOT NULL,
        interval   VARCHAR   NOT NULL,
        open_time  TIMESTAMP NOT NULL,
        open       DOUBLE    NOT NULL,
        high       DOUBLE    NOT NULL,
        low        DOUBLE    NOT NULL,
        close      DOUBLE    NOT NULL,
        volume     DOUBLE    NOT NULL,
        source     VARCHAR,
        PRIMARY KEY (symbol, interval, open_time)
    );
    """);
