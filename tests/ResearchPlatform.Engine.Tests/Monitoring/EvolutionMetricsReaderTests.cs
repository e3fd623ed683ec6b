using ResearchPlatform.Engine.Monitoring;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Tests.Monitoring;

public sealed class EvolutionMetricsReaderTests
{
    private static void Generation(ResearchDatabase db, string run, int gen, double best, double mean, double distance, int failures, int timeouts, int minute)
    {
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = $$"""
            INSERT INTO generations VALUES ('{{run}}', {{gen}}, {{best}}, {{mean}}, {{mean}}, 0.1, NULL, NULL, 1, 'x', {{distance}}, 10, '{}', 20, 0,
                {{failures}}, {{timeouts}}, 0, 1.0, 1.5, 100.0, '[]', TIMESTAMP '2026-03-01 00:{{minute:D2}}:00')
            """;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void Latest_ReadsNewestGenerationWithFailuresAndDiversity()
    {
        using var db = ResearchDatabase.OpenInMemory();
        Assert.Null(EvolutionMetricsReader.Latest(db));
        Generation(db, "r1", 0, 0.5, 0.1, 0.4, 1, 0, 1);
        Generation(db, "r1", 1, 0.75, 0.25, 0.3, 2, 1, 2);
        Generation(db, "r2", 0, 0.9, 0.2, 0.6, 0, 0, 3);

        Assert.Equal(new EvolutionMetrics("r2", 0, 0.9, 0.2, 0.6, 0), EvolutionMetricsReader.Latest(db));
        Assert.Equal(new EvolutionMetrics("r1", 1, 0.75, 0.25, 0.3, 3), EvolutionMetricsReader.Latest(db, "r1"));
    }
}
