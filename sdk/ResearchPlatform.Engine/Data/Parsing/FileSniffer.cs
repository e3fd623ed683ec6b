using System.IO.Compression;

namespace ResearchPlatform.Engine.Data.Parsing;

/// <summary>
/// Opens a data file, looking through gzip (<c>.gz</c>) and single-entry zip archives (Binance's monthly kline
/// downloads), and tells its format from the content: Parquet magic <c>PAR1</c>, a JSON array (freqtrade), else
/// delimited text.
/// </summary>
internal static class FileSniffer
{
    /// <summary>The decoded content of a file: its bytes (after decompression) and the sniffed format.</summary>
    public sealed record Content(byte[] Bytes, BarFileFormat Format);

    /// <summary>True when the file starts with the Parquet magic.</summary>
    public static bool IsParquet(string path)
    {
        using var fs = File.OpenRead(path);
        Span<byte> head = stackalloc byte[4];
        return fs.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual("PAR1"u8);
    }

    /// <summary>Reads and decompresses a text/JSON file and sniffs its format (never Parquet; check that first).</summary>
    public static Content ReadText(string path)
    {
        var bytes = Decompress(path, File.ReadAllBytes(path));
        return new Content(bytes, SniffText(bytes));
    }

    /// <summary>freqtrade when the first non-blank character opens a JSON array, else delimited text.</summary>
    public static BarFileFormat SniffText(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == '[' ? BarFileFormat.Freqtrade : BarFileFormat.Csv;
        }

        return BarFileFormat.Csv;
    }

    private static byte[] Decompress(string path, byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            return ms.ToArray();
        }

        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var entries = zip.Entries.Where(e => e.Length > 0).ToList();
            if (entries.Count != 1)
            {
                throw new DataValidationException(path, $"a zip archive must contain exactly one data file, found {entries.Count}");
            }

            using var s = entries[0].Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        }

        return bytes;
    }
}
