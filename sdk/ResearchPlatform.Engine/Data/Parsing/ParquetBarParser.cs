using DuckDB.NET.Data;
using ResearchPlatform.Engine.Storage;

namespace ResearchPlatform.Engine.Data.Parsing;

/// <summary>
/// Reads bars from a Parquet file through DuckDB's <c>read_parquet</c> (a private in-memory connection, no workspace
/// needed). Columns are matched by name like CSV headers; the time column may be a TIMESTAMP/TIMESTAMPTZ/DATE, a Unix
/// number (s/ms/µs/ns) or text. Errors name the 1-based row: <c>file: row 12</c>.
/// </summary>
internal static class ParquetBarParser
{
    public static RawBars Parse(string path, CancellationToken ct)
    {
        using var con = new DuckDBConnection("Data Source=:memory:");
        con.Open();
        con.Execute("SET TimeZone = 'UTC'");
        var source = $"read_parquet({DuckDbExtensions.SqlLiteral(path)}, file_row_number = true)";
        var columns = Describe(con, path, source);
        var map = BarColumnMap.FromHeader(columns.Select(c => c.Name).ToList(), out var problem)
            ?? throw new DataValidationException(path, problem);
        var timeCol = columns[map.Time];
        var timeExpr = TimeExpression(timeCol, out var timeKind);
        var sql = $"SELECT file_row_number + 1, {timeExpr}, {Num(columns[map.Open])}, {Num(columns[map.High])}, {Num(columns[map.Low])}, " +
                  $"{Num(columns[map.Close])}, {Num(columns[map.Volume])} FROM {source} ORDER BY file_row_number";
        var raw = new RawBars(path, RecordLocationKind.Row, 4096);
        using (var cmd = con.Prepare(sql))
        using (var reader = cmd.ExecuteReader())
        {
            TimestampText? text = null;
            while (reader.Read())
            {
                if ((raw.Count & 0xFFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                ReadRow(reader, raw, timeKind, ref text);
            }
        }

        raw.SymbolHint = SingleValue(con, source, map.Symbol >= 0 ? columns[map.Symbol].Name : null);
        raw.IntervalHint = SingleValue(con, source, map.Interval >= 0 ? columns[map.Interval].Name : null);
        return raw;
    }

    private static void ReadRow(DuckDBDataReader reader, RawBars raw, char timeKind, ref TimestampText? text)
    {
        var row = (int)reader.GetInt64(0);
        var index = raw.Count + raw.ErrorCount;
        string[] names = ["open_time", "open", "high", "low", "close", "volume"];
        for (var i = 1; i <= 6; i++)
        {
            if (reader.IsDBNull(i))
            {
                raw.AddError(row, index, $"{names[i - 1]} is null");
                return;
            }
        }

        long ms;
        string error;
        bool ok;
        switch (timeKind)
        {
            case 'i':
                ok = UnixTime.TryToMs(reader.GetInt64(1), out ms, out error);
                break;
            case 'd':
                ok = UnixTime.TryToMs(reader.GetDouble(1), out ms, out error);
                break;
            case 's':
                var s = reader.GetString(1);
                text ??= TimestampText.ForSample(s);
                ok = text.TryParse(s, out ms, out error);
                break;
            default:
                ms = reader.GetInt64(1);
                ok = true;
                error = string.Empty;
                break;
        }

        if (!ok)
        {
            raw.AddError(row, index, "open_time: " + error);
            return;
        }

        raw.Add(ms, reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), row);
    }

    private static List<(string Name, string Type)> Describe(DuckDBConnection con, string path, string source)
    {
        try
        {
            using var cmd = con.Prepare($"DESCRIBE SELECT * FROM {source}");
            using var reader = cmd.ExecuteReader();
            var list = new List<(string, string)>();
            while (reader.Read())
            {
                var name = reader.GetString(0);
                if (name != "file_row_number")
                {
                    list.Add((name, reader.GetString(1).ToUpperInvariant()));
                }
            }

            return list;
        }
        catch (DuckDBException ex)
        {
            throw new DataValidationException(path, $"not a readable Parquet file: {ex.Message}");
        }
    }

    /// <summary>SQL for the time column and how to read it: 'm' epoch ms, 'i' Unix integer, 'd' Unix double, 's' text.</summary>
    private static string TimeExpression((string Name, string Type) col, out char kind)
    {
        var q = Quote(col.Name);
        if (col.Type.StartsWith("TIMESTAMP", StringComparison.Ordinal))
        {
            kind = 'm';
            return $"epoch_ms({q})";
        }

        if (col.Type == "DATE")
        {
            kind = 'm';
            return $"epoch_ms(CAST({q} AS TIMESTAMP))";
        }

        if (col.Type is "BIGINT" or "INTEGER" or "UBIGINT" or "UINTEGER" or "HUGEINT" or "SMALLINT")
        {
            kind = 'i';
            return $"CAST({q} AS BIGINT)";
        }

        if (col.Type is "DOUBLE" or "FLOAT" || col.Type.StartsWith("DECIMAL", StringComparison.Ordinal))
        {
            kind = 'd';
            return $"CAST({q} AS DOUBLE)";
        }

        kind = 's';
        return $"CAST({q} AS VARCHAR)";
    }

    private static string Num((string Name, string Type) col) => $"CAST({Quote(col.Name)} AS DOUBLE)";

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string? SingleValue(DuckDBConnection con, string source, string? column)
    {
        if (column is null)
        {
            return null;
        }

        using var cmd = con.Prepare($"SELECT DISTINCT CAST({Quote(column)} AS VARCHAR) FROM {source} LIMIT 2");
        using var reader = cmd.ExecuteReader();
        var values = new List<string?>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }

        return values.Count == 1 ? values[0] : null;
    }
}
