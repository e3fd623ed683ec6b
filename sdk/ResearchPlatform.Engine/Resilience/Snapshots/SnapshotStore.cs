using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResearchPlatform.Engine.Resilience.Snapshots;

/// <summary>
/// Reads and writes <see cref="StateSnapshot"/>s as one JSON file (snake_case). A write goes to a temporary file in
/// the same folder, is flushed to disk, then renamed over the previous snapshot: a crash leaves either the old or the
/// new snapshot, never a torn one (a leftover temporary file is ignored and replaced by the next write).
/// </summary>
internal sealed class SnapshotStore(string path)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string Path => path;

    /// <summary>Replaces the snapshot atomically.</summary>
    public void Write(StateSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, snapshot, Options);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, full, overwrite: true);
    }

    /// <summary>The stored snapshot, or null when there is none.</summary>
    public StateSnapshot? TryRead()
    {
        if (!File.Exists(path))
        {
            return null;
        }

        StateSnapshot? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize<StateSnapshot>(File.ReadAllBytes(path), Options);
        }
        catch (JsonException ex)
        {
            throw new SnapshotException($"{path}: not a valid state snapshot ({ex.Message})", ex);
        }

        if (snapshot is null)
        {
            throw new SnapshotException($"{path}: empty state snapshot");
        }

        return snapshot.Version == StateSnapshot.CurrentVersion
            ? snapshot
            : throw new SnapshotException($"{path}: snapshot version {snapshot.Version}, this build reads version {StateSnapshot.CurrentVersion}");
    }

    /// <summary>Serialises a snapshot the way <see cref="Write"/> does (for tests and the API).</summary>
    public static string ToJson(StateSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);
}
