using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Alerts.Configuration;

/// <summary>Typed field reads for <see cref="AlertsConfigLoader"/> that collect errors naming the field.</summary>
internal sealed class Reader(string baseDirectory)
{
    public List<string> Errors { get; } = [];

    public void Known(JsonElement obj, string at, params string[] names)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var p in obj.EnumerateObject().Where(p => !names.Contains(p.Name, StringComparer.Ordinal)))
        {
            Errors.Add(p.Name is "url" or "password"
                ? $"{at}.{p.Name}: secrets are never inlined; use {p.Name}_env (environment variable) or {p.Name}_file"
                : $"{at}.{p.Name}: unknown field");
        }
    }

    public string? String(JsonElement obj, string name, string at, bool required)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Errors.Add($"{at}.{name}: required");
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
        {
            Errors.Add($"{at}.{name}: must be a non-empty string");
            return null;
        }

        return v.GetString();
    }

    public bool Bool(JsonElement obj, string name, string at, bool fallback)
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            return fallback;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        Errors.Add($"{at}.{name}: must be true or false");
        return fallback;
    }

    public double Number(JsonElement obj, string name, string at, double fallback, double min, double max)
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            return fallback;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || d < min || d > max)
        {
            Errors.Add($"{at}.{name}: must be a number in {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}");
            return fallback;
        }

        return d;
    }

    public TimeSpan Seconds(JsonElement obj, string name, string at, double fallback, double min) =>
        TimeSpan.FromSeconds(Number(obj, name, at, fallback, min, 30 * 86_400));

    public AlertLevel Level(JsonElement obj, string name, string at, AlertLevel fallback)
    {
        var text = String(obj, name, at, required: false);
        if (text is null)
        {
            return fallback;
        }

        if (AlertLevels.TryParse(text, out var level))
        {
            return level;
        }

        Errors.Add($"{at}.{name}: '{text}' is not one of informational, warning, critical, emergency");
        return fallback;
    }

    public string Stream(JsonElement obj, string at)
    {
        var s = (String(obj, "stream", at, required: false) ?? "stderr").ToLowerInvariant();
        if (s is not ("stderr" or "stdout"))
        {
            Errors.Add($"{at}.stream: '{s}' is not one of stderr, stdout");
        }

        return s;
    }

    public string PathOrDefault(JsonElement obj, string name, string at, string fallback) =>
        Path.GetFullPath(Path.Combine(baseDirectory, String(obj, name, at, required: false) ?? fallback));

    public SecretSource? Secret(JsonElement obj, string name, string at, bool required)
    {
        var env = String(obj, name + "_env", at, required: false);
        var file = String(obj, name + "_file", at, required: false);
        if (env is not null && file is not null)
        {
            Errors.Add($"{at}.{name}_env: give {name}_env or {name}_file, not both");
        }

        if (env is null && file is null)
        {
            if (required)
            {
                Errors.Add($"{at}.{name}_env: required ({name}_env names an environment variable, or {name}_file a file holding the secret)");
            }

            return null;
        }

        return new SecretSource(env, file is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, file)));
    }
}
