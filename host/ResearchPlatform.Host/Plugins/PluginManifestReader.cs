using System.Text.Json;
using System.Text.RegularExpressions;

namespace ResearchPlatform.Host.Plugins;

/// <summary>
/// Reads and strictly validates <c>plugin.json</c>. Every problem is collected and reported at once, each naming its
/// field; unknown fields are errors (a typo such as <c>sdkversion</c> must not pass silently). Sdk compatibility is not
/// a manifest error: it is checked when the plugin loads, so the manifest of an incompatible plugin can still be listed.
/// </summary>
internal static partial class PluginManifestReader
{
    private static readonly string[] Fields = ["id", "version", "sdkVersion", "assembly", "description", "provides"];

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the manifest at <paramref name="path"/>; throws <see cref="PluginManifestException"/> when invalid.</summary>
    public static PluginManifest Read(string path, IReadOnlyCollection<PluginContract> contracts)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PluginManifestException(path, [$"missing: every plugin folder needs a {PluginManifest.FileName}"]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PluginManifestException(path, ["cannot be read: " + ex.Message]);
        }

        return Parse(text, path, contracts);
    }

    /// <summary>Parses manifest text; <paramref name="path"/> is only used in messages.</summary>
    public static PluginManifest Parse(string json, string path, IReadOnlyCollection<PluginContract> contracts)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var what = cut > 0 ? message[..cut] : message;
            throw new PluginManifestException(
                path,
                [$"invalid JSON at line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: {what}"]);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PluginManifestException(path, [$"the root must be a JSON object, found {Describe(root.ValueKind)}"]);
            }

            var problems = new List<string>();
            CheckFieldNames(root, problems);
            var id = RequiredString(root, "id", problems);
            if (id is not null && !IdPattern().IsMatch(id))
            {
                problems.Add($"field 'id': '{id}' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            }

            var version = RequiredString(root, "version", problems);
            if (version is not null && !VersionPattern().IsMatch(version))
            {
                problems.Add($"field 'version': '{version}' is not of the form major.minor.patch[-prerelease]");
            }

            var sdkVersion = RequiredString(root, "sdkVersion", problems);
            if (sdkVersion is not null && !SdkVersionPattern().IsMatch(sdkVersion))
            {
                problems.Add($"field 'sdkVersion': '{sdkVersion}' is not of the form major.minor");
            }

            var assembly = RequiredString(root, "assembly", problems);
            if (assembly is not null)
            {
                CheckAssembly(assembly, problems);
            }

            var description = OptionalString(root, "description", problems) ?? string.Empty;
            var provides = ReadProvides(root, contracts, problems);
            if (problems.Count > 0)
            {
                throw new PluginManifestException(path, problems);
            }

            return new PluginManifest(id!, version!, sdkVersion!, assembly!, description, provides!);
        }
    }

    private static void CheckFieldNames(JsonElement root, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                problems.Add($"field '{property.Name}': given more than once");
                continue;
            }

            if (Fields.Contains(property.Name, StringComparer.Ordinal))
            {
                continue;
            }

            var near = Fields.FirstOrDefault(f => string.Equals(f, property.Name, StringComparison.OrdinalIgnoreCase));
            problems.Add(near is not null
                ? $"field '{property.Name}': unknown, did you mean '{near}'?"
                : $"field '{property.Name}': unknown (fields: {string.Join(", ", Fields)})");
        }
    }

    private static string? RequiredString(JsonElement root, string name, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            problems.Add($"field '{name}': missing");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"field '{name}': must be a string, found {Describe(value.ValueKind)}");
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"field '{name}': must not be empty");
            return null;
        }

        return text;
    }

    private static string? OptionalString(JsonElement root, string name, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"field '{name}': must be a string, found {Describe(value.ValueKind)}");
            return null;
        }

        return value.GetString();
    }

    private static void CheckAssembly(string assembly, List<string> problems)
    {
        if (assembly.IndexOfAny(['/', '\\']) >= 0 || assembly is "." or "..")
        {
            problems.Add($"field 'assembly': '{assembly}' must be a file name inside the plugin folder, not a path");
        }
        else if (!assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"field 'assembly': '{assembly}' must name a .dll file");
        }
        else if (string.Equals(assembly, PluginFolderLoader.SdkAssemblyFile, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"field 'assembly': '{assembly}' is the Sdk, not a plugin");
        }
    }

    private static List<string>? ReadProvides(JsonElement root, IReadOnlyCollection<PluginContract> contracts, List<string> problems)
    {
        if (!root.TryGetProperty("provides", out var value))
        {
            problems.Add("field 'provides': missing (use [] for a plugin that provides nothing yet)");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"field 'provides': must be an array of \"kind:id\" strings, found {Describe(value.ValueKind)}");
            return null;
        }

        var result = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var field = $"provides[{index++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                problems.Add($"field '{field}': must be a \"kind:id\" string, found {Describe(item.ValueKind)}");
                continue;
            }

            var entry = item.GetString()!;
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var kind = colon > 0 ? entry[..colon] : string.Empty;
            var id = colon > 0 ? entry[(colon + 1)..] : string.Empty;
            if (colon <= 0 || !IdPattern().IsMatch(id))
            {
                problems.Add($"field '{field}': '{entry}' is not of the form kind:id (e.g. seed:momentum)");
            }
            else if (PluginContracts.Find(contracts, kind) is null)
            {
                problems.Add($"field '{field}': unknown kind '{kind}' (known: {string.Join(", ", contracts.Select(c => c.Kind))})");
            }
            else if (result.Contains(entry, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"field '{field}': '{entry}' is listed twice");
            }
            else
            {
                result.Add(entry);
            }
        }

        return result;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SdkVersionPattern();
}
