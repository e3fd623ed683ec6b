using System.Text.Json;
using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Alerts.Channels;

namespace ResearchPlatform.Engine.Tests.Alerts.Channels;

public sealed class FileAlertChannelTests
{
    [Fact]
    public async Task Deliver_PastMaxBytes_RotatesAndKeepsMaxFiles()
    {
        using var dir = new TempDir();
        var path = dir.File("alerts.jsonl");
        var channel = new FileAlertChannel("file", path, maxBytes: 1024, maxFiles: 2);
        var lineBytes = 0L;
        for (var i = 0; i < 20; i++)
        {
            await channel.DeliverAsync(new AlertNotice("id" + i, AlertKit.Make(key: "k" + i), 1, 0), CancellationToken.None);
            lineBytes = lineBytes == 0 ? new FileInfo(path).Length : lineBytes;
        }

        var perFile = 1024 / lineBytes;
        Assert.True(perFile is >= 2 and < 20, $"test assumes several lines per file (line {lineBytes} bytes)");
        Assert.True(File.Exists(channel.RotatedPath(1)));
        Assert.True(File.Exists(channel.RotatedPath(2)));
        Assert.False(File.Exists(channel.RotatedPath(3)));
        foreach (var f in new[] { path, channel.RotatedPath(1), channel.RotatedPath(2) })
        {
            Assert.True(new FileInfo(f).Length <= 1024, $"{f} is {new FileInfo(f).Length} bytes");
        }

        var current = File.ReadAllLines(path);
        using var last = JsonDocument.Parse(current[^1]);
        Assert.Equal("id19", last.RootElement.GetProperty("id").GetString());
        Assert.Equal("k19", last.RootElement.GetProperty("key").GetString());
        Assert.Equal("TRADING", last.RootElement.GetProperty("category").GetString());
        var newestRotated = File.ReadAllLines(channel.RotatedPath(1));
        using var prev = JsonDocument.Parse(newestRotated[^1]);
        Assert.Equal("id" + (19 - current.Length), prev.RootElement.GetProperty("id").GetString());
    }
}
