using System.Globalization;

namespace ResearchPlatform.Engine.Alerts.Channels;

/// <summary>CONSOLE: one line per alert (level, category, component, title, id), then the body indented.</summary>
internal sealed class ConsoleAlertChannel(string name, TextWriter writer) : IAlertChannel
{
    private readonly Lock _gate = new();

    public string Name { get; } = name;

    public Task DeliverAsync(AlertNotice notice, CancellationToken ct)
    {
        var a = notice.Alert;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{a.RaisedAt:yyyy-MM-dd HH:mm:ss}Z] {AlertLevels.Name(a.Level)} {AlertLevels.Name(a.Category)} {a.Component}: {notice.DisplayTitle} (alert {notice.Id})");
        lock (_gate)
        {
            writer.WriteLine(line);
            if (a.Body.Length > 0)
            {
                writer.WriteLine("    " + a.Body.Replace("\n", "\n    ", StringComparison.Ordinal));
            }

            writer.Flush();
        }

        return Task.CompletedTask;
    }
}
