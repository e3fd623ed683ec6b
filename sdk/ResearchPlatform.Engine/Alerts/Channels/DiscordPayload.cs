using System.Globalization;
using System.Text.Json.Nodes;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Alerts.Channels;

/// <summary>
/// Discord webhook body: one embed with title (256), description (4096), color per level, up to 25 inline fields
/// (name 256, value 1024) from the context, an ISO-8601 timestamp and the component in the footer.
/// </summary>
internal static class DiscordPayload
{
    public static int Color(AlertLevel level) => level switch
    {
        AlertLevel.Informational => 0x3498DB,
        AlertLevel.Warning => 0xF1C40F,
        AlertLevel.Critical => 0xE74C3C,
        _ => 0x8B0000,
    };

    public static JsonObject Build(AlertNotice notice)
    {
        var a = notice.Alert;
        var fields = new JsonArray
        {
            Field("Level", AlertLevels.Name(a.Level)),
            Field("Category", AlertLevels.Name(a.Category)),
            Field("Alert id", notice.Id),
        };
        if (notice.Count > 1)
        {
            fields.Add(Field("Count", notice.Count.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var (k, v) in a.Context.OrderBy(p => p.Key, StringComparer.Ordinal).Take(25 - fields.Count))
        {
            fields.Add(Field(k, v));
        }

        return new JsonObject
        {
            ["username"] = "ResearchPlatform",
            ["embeds"] = new JsonArray
            {
                new JsonObject
                {
                    ["title"] = Text.Cut(notice.DisplayTitle, 256),
                    ["description"] = Text.Cut(a.Body.Length == 0 ? a.Title : a.Body, 4096),
                    ["color"] = Color(a.Level),
                    ["fields"] = fields,
                    ["timestamp"] = a.RaisedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                    ["footer"] = new JsonObject { ["text"] = Text.Cut(a.Component, 2048) },
                },
            },
        };
    }

    private static JsonObject Field(string name, string value) => new()
    {
        ["name"] = Text.Cut(name, 256),
        ["value"] = Text.Cut(value.Length == 0 ? "-" : value, 1024),
        ["inline"] = true,
    };
}
