using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Monitoring;

/// <summary>
/// Metric history in <c>monitoring_samples</c>: raw samples (<c>resolution = 'raw'</c>), downsampled by
/// <see cref="Downsample"/> into 1-minute and then 1-hour buckets (mean, min, max, sample count) so long runs stay small.
/// Thread-safe (one <see cref="DatabaseAccess"/> lock); over a held database or opening the file per call.
/// </summary>
public sealed class MonitoringHistoryStore
{
    private readonly DatabaseAccess _access;

    /// <summary>History in a database the caller keeps open.</summary>
    public MonitoringHistoryStore(ResearchDatabase database)
        : this(DatabaseAccess.Held(database))
    {
    }

    /// <summary>History through <paramref name="access"/>.</summary>
    public MonitoringHistoryStore(DatabaseAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        _access = access;
    }

    /// <summary>One stored point.</summary>
    public sealed record Sample(DateTimeOffset At, string Resolution, string Metric, double Value, double Min, double Max, int Samples);

    /// <summary>Appends one snapshot's metrics as raw samples.</summary>
    public void Append(DateTimeOffset at, IReadOnlyList<KeyValuePair<string, double>> metrics)
    {
        if (metrics.Count == 0)
        {
            return;
        }

        var rows = new List<string>(metrics.Count);
        var p = new List<(string, object?)>(metrics.Count * 2 + 1) { ("at", at.UtcDateTime) };
        for (var i = 0; i < metrics.Count; i++)
        {
            rows.Add($"($at, 'raw', $n{i}, $v{i}, $v{i}, $v{i}, 1)");
            p.Add(("n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), metrics[i].Key));
            p.Add(("v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), metrics[i].Value));
        }

        _access.Use(c => c.Execute("INSERT INTO monitoring_samples VALUES " + string.Join(", ", rows), [.. p]));
    }

    /// <summary>
    /// Folds raw samples older than <paramref name="rawRetention"/> into 1-minute buckets and 1-minute buckets older than
    /// <paramref name="minuteRetention"/> into 1-hour buckets, in one transaction. Returns the rows removed.
    /// </summary>
    public int Downsample(DateTimeOffset now, TimeSpan rawRetention, TimeSpan minuteRetention)
    {
        return _access.Use(c =>
        {
            using var tx = c.BeginTransaction();
            var removed = Fold(c, "raw", "1m", "minute", now - rawRetention) + Fold(c, "1m", "1h", "hour", now - minuteRetention);
            tx.Commit();
            return removed;
        });
    }

    /// <summary>Samples of <paramref name="metric"/> between the bounds, oldest first, every resolution.</summary>
    public IReadOnlyList<Sample> Query(string metric, DateTimeOffset from, DateTimeOffset to)
    {
        return _access.Use(c =>
        {
            using var cmd = c.Prepare(
                "SELECT sampled_at, resolution, metric, value, min_value, max_value, samples FROM monitoring_samples WHERE metric = $m AND sampled_at >= $f AND sampled_at <= $t ORDER BY sampled_at, resolution",
                ("m", metric), ("f", from.UtcDateTime), ("t", to.UtcDateTime));
            using var rd = cmd.ExecuteReader();
            var list = new List<Sample>();
            while (rd.Read())
            {
                list.Add(new Sample(new DateTimeOffset(DateTime.SpecifyKind(rd.GetDateTime(0), DateTimeKind.Utc)), rd.GetString(1), rd.GetString(2),
                    rd.GetDouble(3), rd.GetDouble(4), rd.GetDouble(5), rd.GetInt32(6)));
            }

            return list;
        });
    }

    private static int Fold(DuckDBConnection connection, string from, string to, string bucket, DateTimeOffset olderThan)
    {
        var cutoff = olderThan.UtcDateTime;
        connection.Execute(
            $"""
            INSERT INTO monitoring_samples
            SELECT date_trunc('{bucket}', sampled_at), $to, metric, sum(value * samples) / sum(samples), min(min_value), max(max_value), CAST(sum(samples) AS INTEGER)
            FROM monitoring_samples WHERE resolution = $from AND sampled_at < date_trunc('{bucket}', CAST($cut AS TIMESTAMP))
            GROUP BY date_trunc('{bucket}', sampled_at), metric
            """,
            ("to", to), ("from", from), ("cut", cutoff));
        return connection.Execute(
            $"DELETE FROM monitoring_samples WHERE resolution = $from AND sampled_at < date_trunc('{bucket}', CAST($cut AS TIMESTAMP))", ("from", from), ("cut", cutoff));
    }
}
