namespace ResearchPlatform.Engine.Storage.Migrations;

/// <summary>The daily Crypto Fear &amp; Greed index (alternative.me).</summary>
internal sealed record M0002CreateFearGreed() : Migration(
    2,
    "create fear_greed (daily sentiment index)",
    """
    CREATE TABLE fear_greed (
        date           DATE    NOT NULL PRIMARY KEY,
        value          INTEGER NOT NULL,
        classification VARCHAR NOT NULL
    );
    """);
