using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace ResearchPlatform.Host.Cli;

/// <summary>
/// Where commands write: a rich table/progress on a terminal, plain aligned text when stdout is redirected, exactly one
/// JSON document on stdout with <c>--json</c>. Diagnostics and warnings always go to stderr.
/// </summary>
public sealed class CliOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly TextWriter _out;
    private readonly TextWriter _err;

    public CliOutput(TextWriter stdout, TextWriter stderr, bool isTerminal)
    {
        _out = stdout;
        _err = stderr;
        IsTerminal = isTerminal;
    }

    /// <summary>True when stdout is an interactive terminal (rich output and live progress allowed).</summary>
    public bool IsTerminal { get; }

    /// <summary>The console's output for the current process.</summary>
    public static CliOutput ForConsole() => new(Console.Out, Console.Error, !Console.IsOutputRedirected);

    /// <summary>Serializer options used for every --json document (snake_case keys).</summary>
    public static JsonSerializerOptions Json => JsonOptions;

    /// <summary>Writes one JSON document to stdout.</summary>
    public void WriteJson<T>(T value) => _out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Writes a line to stdout.</summary>
    public void Line(string text = "") => _out.WriteLine(text);

    /// <summary>Writes a warning to stderr.</summary>
    public void Warn(string text) => _err.WriteLine("warning: " + text);

    /// <summary>Writes an error to stderr.</summary>
    public void Error(string text) => _err.WriteLine("error: " + text);

    /// <summary>Writes progress/info text to stderr (never pollutes stdout).</summary>
    public void Info(string text) => _err.WriteLine(text);

    /// <summary>Writes a table: Spectre on a terminal, plain aligned columns otherwise.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? title = null)
    {
        var materialized = rows.ToList();
        if (IsTerminal)
        {
            var table = new Table().Border(TableBorder.Rounded);
            if (title is not null)
            {
                table.Title = new TableTitle(Markup.Escape(title));
            }

            foreach (var h in headers)
            {
                table.AddColumn(new TableColumn(Markup.Escape(h)));
            }

            foreach (var r in materialized)
            {
                table.AddRow(r.Select(c => new Markup(Markup.Escape(c))).ToArray());
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_out) });
            console.Write(table);
            return;
        }

        if (title is not null)
        {
            _out.WriteLine(title);
        }

        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var r in materialized)
        {
            for (var i = 0; i < widths.Length && i < r.Count; i++)
            {
                widths[i] = Math.Max(widths[i], r[i].Length);
            }
        }

        _out.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var r in materialized)
        {
            _out.WriteLine(string.Join("  ", r.Select((c, i) => i < widths.Length ? c.PadRight(widths[i]) : c)).TrimEnd());
        }
    }

    /// <summary>Writes key/value pairs as a two-column table.</summary>
    public void KeyValues(IEnumerable<(string Key, string Value)> pairs, string? title = null) =>
        Table(["field", "value"], pairs.Select(p => (IReadOnlyList<string>)[p.Key, p.Value]), title);
}
