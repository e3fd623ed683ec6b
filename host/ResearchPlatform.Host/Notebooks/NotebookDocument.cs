using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResearchPlatform.Host.Notebooks;

/// <summary>
/// An nbformat 4 notebook held as JSON nodes, so every field the runner does not know (notebook and cell metadata,
/// attachments) is written back unchanged. Cells get an <c>id</c> when missing (nbformat 4.5).
/// </summary>
internal sealed class NotebookDocument
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, IndentSize = 1 };

    private NotebookDocument(string path, JsonObject root)
    {
        Path = path;
        Root = root;
    }

    /// <summary>Absolute path the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The whole document.</summary>
    public JsonObject Root { get; }

    /// <summary>The <c>cells</c> array.</summary>
    public JsonArray Cells => (JsonArray)Root["cells"]!;

    /// <summary>Reads and checks the shape of an nbformat 4 file; problems name the file and the field.</summary>
    public static NotebookDocument Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new NotebookFormatException($"{path}: file not found");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(full));
        }
        catch (JsonException ex)
        {
            throw new NotebookFormatException($"{path}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message}");
        }

        if (node is not JsonObject root)
        {
            throw new NotebookFormatException($"{path}: the top level must be a JSON object");
        }

        var major = root["nbformat"]?.GetValueKind() == JsonValueKind.Number ? root["nbformat"]!.GetValue<int>() : -1;
        if (major != 4)
        {
            throw new NotebookFormatException($"{path}: field 'nbformat': expected 4, found {root["nbformat"]?.ToJsonString() ?? "nothing"}");
        }

        if (root["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException($"{path}: field 'cells': missing or not an array");
        }

        for (var i = 0; i < cells.Count; i++)
        {
            CheckCell(path, cells[i], i);
        }

        var doc = new NotebookDocument(full, root);
        doc.Normalize();
        return doc;
    }

    /// <summary>The source text of a cell (nbformat allows a string or an array of lines).</summary>
    public static string SourceOf(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? string.Empty)),
        JsonValue v => v.GetValue<string>(),
        _ => string.Empty,
    };

    /// <summary>The cell's tags (metadata.tags).</summary>
    public static IReadOnlyList<string> TagsOf(JsonObject cell) =>
        cell["metadata"]?["tags"] is JsonArray tags ? tags.Select(t => t?.GetValue<string>() ?? string.Empty).ToList() : [];

    /// <summary>The cell's kernel (Polyglot metadata, then dotnet_interactive, then a <c>#!lang</c> first line); csharp by default.</summary>
    public static string KernelOf(JsonObject cell)
    {
        var kernel = cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
            ?? cell["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>();
        if (kernel is not null)
        {
            return kernel;
        }

        var first = SourceOf(cell).TrimStart();
        return first.StartsWith("#!", StringComparison.Ordinal) ? first[2..].Split('\n')[0].Trim() : "csharp";
    }

    /// <summary>Splits text into nbformat's multi-line string form (lines keep their newline).</summary>
    public static JsonArray ToLines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                array.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            array.Add(text[start..]);
        }

        return array;
    }

    /// <summary>Builds a code cell (Polyglot metadata, a fresh id) holding <paramref name="source"/>.</summary>
    public static JsonObject NewCodeCell(string source, string id, params string[] tags)
    {
        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
        };
        if (tags.Length > 0)
        {
            metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
        }

        return new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = id,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
            ["source"] = ToLines(source),
        };
    }

    /// <summary>Writes the notebook (indent 1, like Jupyter) under a temporary name, then moves it into place.</summary>
    public void Save(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var tmp = full + ".tmp";
        File.WriteAllText(tmp, Root.ToJsonString(WriteOptions) + "\n");
        File.Move(tmp, full, overwrite: true);
    }

    private static void CheckCell(string path, JsonNode? node, int index)
    {
        if (node is not JsonObject cell)
        {
            throw new NotebookFormatException($"{path}: cells[{index}]: not an object");
        }

        var type = cell["cell_type"]?.GetValueKind() == JsonValueKind.String ? cell["cell_type"]!.GetValue<string>() : null;
        if (type is not ("code" or "markdown" or "raw"))
        {
            throw new NotebookFormatException($"{path}: cells[{index}]: field 'cell_type': expected code, markdown or raw");
        }

        if (cell["source"] is not (JsonArray or JsonValue))
        {
            throw new NotebookFormatException($"{path}: cells[{index}]: field 'source': missing");
        }
    }

    private void Normalize()
    {
        Root["nbformat_minor"] = Math.Max(5, Root["nbformat_minor"]?.GetValue<int>() ?? 5);
        Root["metadata"] ??= new JsonObject();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Cells.Count; i++)
        {
            var cell = (JsonObject)Cells[i]!;
            var id = cell["id"]?.GetValue<string>();
            if (string.IsNullOrEmpty(id) || !used.Add(id))
            {
                id = FreshId(used, i);
                cell["id"] = id;
            }

            cell["metadata"] ??= new JsonObject();
            if (cell["cell_type"]!.GetValue<string>() == "code")
            {
                cell["outputs"] ??= new JsonArray();
                if (!cell.ContainsKey("execution_count"))
                {
                    cell["execution_count"] = null;
                }
            }
        }
    }

    /// <summary>A cell id not used yet (letters, digits, '-': nbformat 4.5's pattern).</summary>
    public string FreshId(string stem)
    {
        var used = Cells.OfType<JsonObject>().Select(c => c["id"]?.GetValue<string>() ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        var id = stem;
        for (var n = 2; used.Contains(id); n++)
        {
            id = stem + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return id;
    }

    private static string FreshId(HashSet<string> used, int index)
    {
        var id = "cell-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var n = 2; !used.Add(id); n++)
        {
            id = "cell-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return id;
    }
}
