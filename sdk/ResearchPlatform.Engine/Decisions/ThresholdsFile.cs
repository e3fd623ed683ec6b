using System.Text.Json;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>Reads <c>thresholds.json</c>: one flat JSON object of name -&gt; number (keys starting with "_" are comments).</summary>
public static class ThresholdsFile
{
    /// <summary>Parses the file; errors name the file, line and key.</summary>
    public static Thresholds Load(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: thresholds must be a JSON object of name -> number");
            }

            var values = new List<KeyValuePair<string, double>>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name.StartsWith('_'))
                {
                    continue;
                }

                if (p.Value.ValueKind != JsonValueKind.Number)
                {
                    throw new InvalidDataException($"{path}: threshold '{p.Name}' must be a number");
                }

                values.Add(new(p.Name, p.Value.GetDouble()));
            }

            return new Thresholds(values);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}:{(ex.LineNumber ?? 0) + 1}: invalid JSON: {ex.Message}", ex);
        }
    }
}
