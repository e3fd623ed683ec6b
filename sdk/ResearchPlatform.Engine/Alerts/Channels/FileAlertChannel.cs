using System.Text;

namespace ResearchPlatform.Engine.Alerts.Channels;

/// <summary>
/// FILE: appends one JSON object per line. When a line would push the file past <c>maxBytes</c>, the file is rotated:
/// <c>x.jsonl</c> becomes <c>x.1.jsonl</c>, <c>x.1.jsonl</c> becomes <c>x.2.jsonl</c>, ... and the oldest beyond
/// <c>maxFiles</c> is deleted. One worker writes a channel, so no cross-thread locking is needed beyond this instance.
/// </summary>
internal sealed class FileAlertChannel(string name, string path, long maxBytes, int maxFiles) : IAlertChannel
{
    private readonly Lock _gate = new();

    public string Name { get; } = name;

    public string Path { get; } = path;

    public Task DeliverAsync(AlertNotice notice, CancellationToken ct)
    {
        var line = Encoding.UTF8.GetBytes(AlertJson.Build(notice).ToJsonString() + "\n");
        try
        {
            lock (_gate)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                var info = new FileInfo(Path);
                if (info.Exists && info.Length > 0 && info.Length + line.Length > maxBytes)
                {
                    Rotate();
                }

                using var fs = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
                fs.Write(line);
            }
        }
        catch (IOException ex)
        {
            throw new AlertDeliveryException($"cannot write {Path}: {ex.Message}", retryable: true, inner: ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new AlertDeliveryException($"cannot write {Path}: {ex.Message}", retryable: false, inner: ex);
        }

        return Task.CompletedTask;
    }

    /// <summary>The path of rotated file <paramref name="n"/> (1 = newest).</summary>
    public string RotatedPath(int n)
    {
        var dir = System.IO.Path.GetDirectoryName(Path)!;
        return System.IO.Path.Combine(dir, $"{System.IO.Path.GetFileNameWithoutExtension(Path)}.{n}{System.IO.Path.GetExtension(Path)}");
    }

    private void Rotate()
    {
        var oldest = RotatedPath(maxFiles);
        if (File.Exists(oldest))
        {
            File.Delete(oldest);
        }

        for (var n = maxFiles - 1; n >= 1; n--)
        {
            if (File.Exists(RotatedPath(n)))
            {
                File.Move(RotatedPath(n), RotatedPath(n + 1));
            }
        }

        File.Move(Path, RotatedPath(1));
    }
}
