using System.Globalization;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Tests.TestSupport;

/// <summary>Row count and a content checksum of a table, to prove a failed import changed nothing.</summary>
internal static class DbProbe
{
    public static (long Rows, string Checksum) Bars(ResearchDatabase db)
    {
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = "SELECT count(*), CAST(coalesce(sum(hash(symbol, interval, open_time, open, high, low, close, volume, source)), 0) AS VARCHAR) FROM bars";
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetString(1));
    }

    public static long Count(ResearchDatabase db, string sql)
    {
        using var cmd = db.Connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
