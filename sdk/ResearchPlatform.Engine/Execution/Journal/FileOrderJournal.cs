using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResearchPlatform.Engine.Execution.Journal;

/// <summary>
/// Append-only JSON-lines journal: one entry per line, UTF-8, '\n'-terminated. Each append is written and then
/// flushed to disk (fsync) unless <c>fsync</c> is false. On open, a torn last line (no terminating newline, left by
/// a crash mid-write) is cut off so later appends start on a clean line; <see cref="TruncatedBytes"/> says how much.
/// A malformed complete line is corruption and fails loudly with the file and line number.
/// </summary>
internal sealed class FileOrderJournal : IOrderJournal
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly FileStream _stream;
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _handle;
    private readonly bool _fsync;
    private readonly List<JournalEntry> _recovered;
    private readonly Lock _gate = new();

    public FileOrderJournal(string path, bool fsync = true)
    {
        Path = path;
        _fsync = fsync;
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
        _recovered = Load(out var validLength);
        TruncatedBytes = _stream.Length - validLength;
        if (TruncatedBytes > 0)
        {
            _stream.SetLength(validLength);
            _stream.Flush(flushToDisk: true);
        }

        _stream.Seek(0, SeekOrigin.End);
        _handle = _stream.SafeFileHandle;
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>Bytes of a torn last line removed when the journal was opened.</summary>
    public long TruncatedBytes { get; }

    /// <inheritdoc />
    public void Append(JournalEntry entry)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(entry, Options);
        lock (_gate)
        {
            _stream.Write(bytes);
            _stream.WriteByte((byte)'\n');
            _stream.Flush(flushToDisk: _fsync);
            _recovered.Add(entry);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<JournalEntry> ReadAll()
    {
        lock (_gate)
        {
            return [.. _recovered];
        }
    }

    /// <summary>
    /// fsync of what earlier appends wrote (each append has already reached the OS with write()). Safe to call from
    /// another thread while appends go on: it does not take the append lock, so a slow disk flush never blocks an append.
    /// </summary>
    public void FlushToDisk() => RandomAccess.FlushToDisk(_handle);

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    /// <summary>Serialises one entry as its JSON line (without the newline), for docs and tests.</summary>
    public static string ToJsonLine(JournalEntry entry) => JsonSerializer.Serialize(entry, Options);

    private List<JournalEntry> Load(out long validLength)
    {
        _stream.Seek(0, SeekOrigin.Begin);
        var content = new byte[_stream.Length];
        _stream.ReadExactly(content);
        var entries = new List<JournalEntry>();
        var start = 0;
        var line = 0;
        validLength = 0;
        while (start < content.Length)
        {
            var nl = Array.IndexOf(content, (byte)'\n', start);
            if (nl < 0)
            {
                break; // torn last line: never acknowledged, dropped
            }

            line++;
            var span = content.AsSpan(start, nl - start);
            if (span.Trim((byte)' ').Length > 0)
            {
                entries.Add(Parse(span, line));
            }

            start = nl + 1;
            validLength = start;
        }

        return entries;
    }

    private JournalEntry Parse(ReadOnlySpan<byte> utf8, int line)
    {
        try
        {
            return JsonSerializer.Deserialize<JournalEntry>(utf8, Options)
                ?? throw new JsonException("null entry");
        }
        catch (JsonException ex)
        {
            var text = Encoding.UTF8.GetString(utf8);
            var shown = text.Length > 80 ? text[..80] + "..." : text;
            throw new JournalCorruptException(
                string.Create(CultureInfo.InvariantCulture, $"{Path}:{line}: corrupt journal entry ({ex.Message}): {shown}"), ex);
        }
    }
}
