// Helpers shared by the notebooks: HTML tables (text/html outputs), workspace set-up, in-process `rp` commands.
// Loaded by _init.csx. Plots are ScottPlot 5 `Plot` objects: display(plot) renders a PNG.
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using ResearchPlatform.Host.Notebooks;

static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

/// Formats a cell value for a table: doubles with 4 significant decimals, times as ISO dates.
static string Cell(object? v) => v switch
{
    null or DBNull => "",
    double d when double.IsNaN(d) => "NaN",
    // (+ 0.0 turns a rounded -0 into 0: a residual of -0.00001 reads "0", not "-0")
    double d => Math.Abs(d) >= 1e4 ? d.ToString("N0", Inv) : Math.Abs(d) >= 100 ? d.ToString("0.##", Inv) : (Math.Round(d, 4) + 0.0).ToString("0.####", Inv),
    float f => ((double)f).ToString("0.####", Inv),
    decimal m => m.ToString("0.####", Inv),
    DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", Inv) : t.ToString("yyyy-MM-dd HH:mm", Inv),
    DateTimeOffset t => Cell(t.UtcDateTime),
    JsonNode n => n is JsonValue jv && jv.TryGetValue<double>(out var x) ? Cell(x) : n.ToJsonString().Trim('"'),
    IFormattable f => f.ToString(null, Inv),
    _ => v.ToString() ?? "",
};

/// An HTML table (with a plain-text fallback) from headers and rows; at most `max` rows are shown.
static HtmlContent HtmlTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string? caption = null, int max = 25)
{
    var all = rows.ToList();
    var shown = all.Take(max).Select(r => r.Select(Cell).ToList()).ToList();
    var html = new StringBuilder("<table>");
    if (caption is not null) html.Append("<caption>").Append(WebUtility.HtmlEncode(caption)).Append("</caption>");
    html.Append("<thead><tr>");
    foreach (var h in headers) html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
    html.Append("</tr></thead><tbody>");
    foreach (var r in shown)
    {
        html.Append("<tr>");
        foreach (var c in r) html.Append("<td>").Append(WebUtility.HtmlEncode(c)).Append("</td>");
        html.Append("</tr>");
    }
    html.Append("</tbody></table>");
    if (all.Count > max) html.Append("<p>").Append(all.Count - max).Append(" more rows not shown</p>");
    var widths = headers.Select((h, i) => Math.Max(h.Length, shown.Count == 0 ? 0 : shown.Max(r => r[i].Length))).ToList();
    var text = new StringBuilder(caption is null ? "" : caption + "\n");
    text.AppendLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
    foreach (var r in shown) text.AppendLine(string.Join("  ", r.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
    return new HtmlContent(html.ToString(), text.ToString().TrimEnd());
}

/// An HTML table of objects (records): one column per public property.
static HtmlContent Table<T>(IEnumerable<T> items, string? caption = null, int max = 25)
{
    var props = typeof(T).GetProperties().Where(p => p.GetIndexParameters().Length == 0).ToList();
    return HtmlTable(props.Select(p => p.Name).ToList(), items.Select(i => (IReadOnlyList<object?>)props.Select(p => p.GetValue(i)).ToList()), caption, max);
}

/// An HTML table of a JSON array (as printed by `rp ... --json`); columns are paths such as "in_sample.sharpe".
static HtmlContent JsonTable(JsonNode? array, string? caption, params string[] columns) =>
    HtmlTable(columns, ((JsonArray)array!).Select(row => (IReadOnlyList<object?>)columns.Select(c => (object?)Path(row, c)).ToList()), caption);

/// Follows a dotted path into a JSON node ("holdout.sharpe").
static JsonNode? Path(JsonNode? node, string path)
{
    foreach (var part in path.Split('.')) node = node?[part];
    return node;
}

/// Runs a SQL query on a DuckDB connection and shows the result as an HTML table.
static HtmlContent Sql(DuckDBConnection connection, string sql, string? caption = null, int max = 25)
{
    using var cmd = connection.CreateCommand();
    cmd.CommandText = sql;
    using var reader = cmd.ExecuteReader();
    var headers = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
    var rows = new List<IReadOnlyList<object?>>();
    while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToList());
    return HtmlTable(headers, rows, caption, max);
}

/// Runs an `rp` command in this process (the CLI's own code) and returns its JSON output.
static JsonNode Rp(params string[] args) => RpCommand.Run(args) ?? throw new InvalidOperationException("rp printed nothing");

/// The workspace a notebook works in: the `workspace` parameter, or a fresh temporary folder.
static string WorkspaceFolder(string parameter)
{
    var path = string.IsNullOrWhiteSpace(parameter)
        ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rp-notebooks", Guid.NewGuid().ToString("N")[..12])
        : System.IO.Path.GetFullPath(parameter);
    Directory.CreateDirectory(path);
    return path;
}

/// Imports the bundled sample (BTC/USD daily, Coinbase, Apache-2.0) into the workspace through `rp data import`.
static JsonNode ImportSample(string workspace, string sampleFile) =>
    Rp("data", "import", sampleFile, "--symbol", "BTC/USD", "--interval", "1d", "--workspace", workspace, "--json");

/// Dates of a series' bars, for ScottPlot's DateTime axes.
static DateTime[] Dates(ResearchPlatform.Sdk.Data.BarSeries bars) => Enumerable.Range(0, bars.Count).Select(i => bars.TimeAt(i).UtcDateTime).ToArray();
