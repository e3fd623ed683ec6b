using System.Text.Json.Nodes;

namespace ResearchPlatform.Host.Notebooks;

/// <summary>One displayed value in one or more representations (mime type -> text or base64).</summary>
internal sealed class MimeBundle
{
    private readonly SortedDictionary<string, string> _data = new(StringComparer.Ordinal);

    /// <summary>Adds a representation.</summary>
    public MimeBundle With(string mime, string content)
    {
        _data[mime] = content;
        return this;
    }

    /// <summary>The mime types present.</summary>
    public IEnumerable<string> MimeTypes => _data.Keys;

    /// <summary>nbformat's <c>data</c> object: text types as line arrays, images as one base64 string.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject();
        foreach (var (mime, content) in _data)
        {
            o[mime] = mime.StartsWith("image/", StringComparison.Ordinal) ? JsonValue.Create(content) : NotebookDocument.ToLines(content);
        }

        return o;
    }
}
