using System.Text.Json;

namespace ResearchPlatform.Host.Service.Trading;

/// <summary>
/// The per-strategy controls of live mode (<c>serve/live-controls.json</c>): the ids of the strategies stopped through
/// the API. Written (temp file, flushed, renamed) before a stop or start is applied, so a process killed right after the
/// answer keeps it; read when live trading starts. Ids no longer traded stay in the file (a later stage change may bring
/// them back).
/// </summary>
internal sealed class LiveControls
{
    private LiveControls(string path, IEnumerable<string> stopped)
    {
        Path = path;
        Stopped = new HashSet<string>(stopped, StringComparer.Ordinal);
    }

    public string Path { get; }

    public HashSet<string> Stopped { get; }

    /// <summary>Reads the file (none = nothing stopped); a malformed one throws <see cref="InvalidDataException"/> naming it.</summary>
    public static LiveControls Load(string path)
    {
        if (!File.Exists(path))
        {
            return new LiveControls(path, []);
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (!doc.RootElement.TryGetProperty("stopped", out var stopped) || stopped.ValueKind != JsonValueKind.Array
                || stopped.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                throw new InvalidDataException($"{path}: field 'stopped' must be an array of strategy ids");
            }

            return new LiveControls(path, stopped.EnumerateArray().Select(e => e.GetString()!));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: invalid JSON: {ex.Message}", ex);
        }
    }

    public void Save(DateTimeOffset at)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var tmp = Path + ".tmp";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, new { stopped = Stopped.Order(StringComparer.Ordinal).ToArray(), updated_at = at });
            stream.Flush(flushToDisk: true);
        }

        File.Move(tmp, Path, overwrite: true);
    }
}
