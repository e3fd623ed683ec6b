using System.Text.Json;
using ResearchPlatform.Engine.Risk.Regime;

namespace ResearchPlatform.Engine.Risk;

/// <summary>
/// Non-evolvable risk settings from a JSON configuration file. Keys may be nested (<c>{"regime": {"classifier":
/// "volatility"}}</c>) or dotted (<c>{"regime.classifier": "volatility"}</c>). Known keys: <c>regime.classifier</c>
/// (composite | volatility | fear_greed). Unknown keys and values are errors naming the file and the key.
/// </summary>
/// <param name="RegimeClassifier">The value of <c>regime.classifier</c>.</param>
internal sealed record RiskConfig(string RegimeClassifier = RegimeClassifiers.Default)
{
    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    /// <exception cref="RiskConfigurationException">Unreadable JSON, an unknown key or an invalid value.</exception>
    public static RiskConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new RiskConfigurationException($"{path}: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses configuration JSON; <paramref name="source"/> names it in errors.</summary>
    public static RiskConfig Parse(string json, string source)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new RiskConfigurationException($"{source}: expected a JSON object");
            }

            Flatten(doc.RootElement, string.Empty, values);
        }
        catch (JsonException ex)
        {
            throw new RiskConfigurationException($"{source}: line {(ex.LineNumber ?? 0) + 1}: {ex.Message}", ex);
        }

        var config = new RiskConfig();
        foreach (var (key, value) in values)
        {
            config = key switch
            {
                RegimeClassifiers.Key when value.ValueKind == JsonValueKind.String => config with { RegimeClassifier = Checked(value.GetString()!, source) },
                RegimeClassifiers.Key => throw new RiskConfigurationException($"{source}: {key} must be a string ({string.Join(" | ", RegimeClassifiers.Names)})"),
                _ => throw new RiskConfigurationException($"{source}: unknown key '{key}' (known: {RegimeClassifiers.Key})"),
            };
        }

        return config;
    }

    /// <summary>Validates a classifier name (e.g. from a command-line option); returns it normalised.</summary>
    public static string Checked(string classifier, string source)
    {
        try
        {
            _ = RegimeClassifiers.Create(classifier);
        }
        catch (RiskConfigurationException ex)
        {
            throw new RiskConfigurationException($"{source}: {ex.Message}", ex);
        }

        return classifier.Trim().ToLowerInvariant();
    }

    private static void Flatten(JsonElement e, string prefix, Dictionary<string, JsonElement> into)
    {
        foreach (var p in e.EnumerateObject())
        {
            var key = prefix.Length == 0 ? p.Name : prefix + "." + p.Name;
            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(p.Value, key, into);
            }
            else
            {
                into[key] = p.Value.Clone();
            }
        }
    }
}
