using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace ResearchPlatform.Engine.Alerts;

/// <summary>
/// Runs one statement per chunk of rows as a multi-row <c>VALUES</c> list (<c>INSERT ... VALUES (..), (..) ...</c>): DuckDB
/// spends most of a single-row statement's time in planning, so a burst written row by row costs ~0.5 ms a row even
/// inside one transaction, while a chunk of 100 rows costs about as much as a few single rows.
/// </summary>
internal static class BulkValues
{
    /// <summary>Rows per statement.</summary>
    public const int ChunkRows = 100;

    /// <summary>
    /// Executes <c>head VALUES row, row, ... tail</c> for every chunk of <paramref name="rows"/>; <paramref name="rowTemplate"/>
    /// refers to a row's values as {0}, {1}, ... (each becomes a parameter).
    /// </summary>
    public static void Execute(DuckDBConnection connection, string head, string rowTemplate, string tail, IReadOnlyList<object?[]> rows)
    {
        for (var start = 0; start < rows.Count; start += ChunkRows)
        {
            var count = Math.Min(ChunkRows, rows.Count - start);
            var sql = new StringBuilder(head).Append(" VALUES ");
            using var cmd = connection.CreateCommand();
            for (var r = 0; r < count; r++)
            {
                var values = rows[start + r];
                var names = new object[values.Length];
                for (var v = 0; v < values.Length; v++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"p{r}_{v}");
                    names[v] = "$" + name;
                    cmd.Parameters.Add(new DuckDBParameter(name, values[v] ?? DBNull.Value));
                }

                sql.Append(r == 0 ? string.Empty : ", ").Append(string.Format(CultureInfo.InvariantCulture, rowTemplate, names));
            }

            cmd.CommandText = sql.Append(' ').Append(tail).ToString();
            cmd.ExecuteNonQuery();
        }
    }
}
