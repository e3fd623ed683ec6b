using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Data.FearGreed;

/// <summary>The <c>fear_greed</c> table: atomic upsert of a validated file and range loads.</summary>
public sealed class FearGreedStore
{
    private const string Staging = "fear_greed_staging";
    private readonly ResearchDatabase _db;

    public FearGreedStore(ResearchDatabase db)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
    }

    /// <summary>Reads, validates and imports an alternative.me file; nothing is written when it is invalid.</summary>
    public FearGreedImportResult ImportFile(string path)
    {
        var read = FearGreedFileReader.Read(path);
        return Import(read.Points, read.MissingDays);
    }

    /// <summary>Upserts points (by date); reports inserted, updated and unchanged days.</summary>
    public FearGreedImportResult Import(IReadOnlyList<FearGreedPoint> points, IReadOnlyList<DateOnly>? missingDays = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var con = _db.Connection;
        con.Execute($"CREATE OR REPLACE TEMP TABLE {Staging} (date DATE, value INTEGER, classification VARCHAR)");
        try
        {
            using (var app = con.CreateAppender(Staging))
            {
                foreach (var p in points)
                {
                    app.CreateRow().AppendValue(p.Date).AppendValue(p.Value).AppendValue(p.Classification).EndRow();
                }
            }

            using var tx = con.BeginTransaction();
            var (inserted, updated) = Count(con);
            con.Execute($"UPDATE fear_greed AS f SET value = s.value, classification = s.classification FROM {Staging} s " +
                        "WHERE f.date = s.date AND (f.value <> s.value OR f.classification <> s.classification)");
            con.Execute($"INSERT INTO fear_greed SELECT s.date, s.value, s.classification FROM {Staging} s ANTI JOIN fear_greed f ON f.date = s.date ORDER BY s.date");
            tx.Commit();
            return new FearGreedImportResult(points.Count, inserted, updated, points.Count - inserted - updated,
                points.Count > 0 ? points.Min(p => p.Date) : null, points.Count > 0 ? points.Max(p => p.Date) : null, missingDays ?? []);
        }
        finally
        {
            con.Execute($"DROP TABLE IF EXISTS {Staging}");
        }
    }

    /// <summary>Stored days in [from, to] (inclusive, bounds optional), in date order.</summary>
    public IReadOnlyList<FearGreedPoint> Load(DateOnly? from = null, DateOnly? to = null)
    {
        using var cmd = _db.Connection.Prepare(
            "SELECT date, value, classification FROM fear_greed WHERE ($f IS NULL OR date >= $f) AND ($t IS NULL OR date <= $t) ORDER BY date",
            ("f", from?.ToDateTime(TimeOnly.MinValue)),
            ("t", to?.ToDateTime(TimeOnly.MinValue)));
        using var reader = cmd.ExecuteReader();
        var list = new List<FearGreedPoint>();
        while (reader.Read())
        {
            list.Add(new FearGreedPoint(DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetInt32(1), reader.GetString(2)));
        }

        return list;
    }

    private static (int Inserted, int Updated) Count(DuckDBConnection con)
    {
        using var cmd = con.Prepare(
            $"SELECT count(*) FILTER (WHERE f.date IS NULL), count(*) FILTER (WHERE f.date IS NOT NULL AND (f.value <> s.value OR f.classification <> s.classification)) " +
            $"FROM {Staging} s LEFT JOIN fear_greed f ON f.date = s.date");
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }
}
