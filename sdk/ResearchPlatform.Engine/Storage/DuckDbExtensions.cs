using DuckDB.NET.Data;

namespace ResearchPlatform.Engine.Storage;

/// <summary>Small helpers for parameterised statements on a DuckDB connection.</summary>
internal static class DuckDbExtensions
{
    /// <summary>Runs a statement with named parameters (<c>$name</c>) and returns the affected row count.</summary>
    public static int Execute(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Prepare(connection, sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    /// <summary>Runs a query with named parameters and returns the first column of the first row.</summary>
    public static object? Scalar(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Prepare(connection, sql, parameters);
        return cmd.ExecuteScalar();
    }

    /// <summary>Creates a command with named parameters.</summary>
    public static DuckDBCommand Prepare(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }

        return cmd;
    }

    /// <summary>Quotes a string as a SQL literal (for statements such as COPY that take no parameters).</summary>
    public static string SqlLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
