using System.Globalization;
using System.Text.Json.Nodes;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Alerts.Channels;

/// <summary>
/// Slack incoming-webhook body (Block Kit): <c>text</c> fallback for notifications, a <c>header</c> block (plain_text,
/// 150), a <c>section</c> with the body (mrkdwn, 3000) and up to 10 context fields, and a <c>context</c> block with level,
/// category, component, alert id and time.
/// </summary>
internal static class SlackPayload
{
    public static JsonObject Build(AlertNotice notice)
    {
        var a = notice.Alert;
        var section = new JsonObject
        {
            ["type"] = "section",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Text.Cut(a.Body.Length == 0 ? a.Title : a.Body, 3000) },
        };
        var fields = new JsonArray();
        foreach (var (k, v) in a.Context.OrderBy(p => p.Key, StringComparer.Ordinal).Take(10))
        {
            fields.Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = Text.Cut($"*{k}*\n{v}", 2000) });
        }

        if (fields.Count > 0)
        {
            section["fields"] = fields;
        }

        var context = string.Create(CultureInfo.InvariantCulture,
            $"{Emoji(a.Level)} *{AlertLevels.Name(a.Level)}* | {AlertLevels.Name(a.Category)} | {a.Component} | alert {notice.Id} | <!date^{a.RaisedAt.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time_secs}}|{a.RaisedAt.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC>");
        return new JsonObject
        {
            ["text"] = Text.Cut($"{AlertLevels.Name(a.Level)}: {notice.DisplayTitle}", 3000),
            ["blocks"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "header",
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Text.Cut(notice.DisplayTitle, 150), ["emoji"] = true },
                },
                section,
                new JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = context } },
                },
            },
        };
    }

    private static string Emoji(AlertLevel level) => level switch
    {
        AlertLevel.Informational => ":information_source:",
        AlertLevel.Warning => ":warning:",
        AlertLevel.Critical => ":rotating_light:",
        _ => ":sos:",
    };
}
