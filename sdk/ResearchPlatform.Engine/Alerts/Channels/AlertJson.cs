using System.Globalization;
using System.Text.Json.Nodes;

namespace ResearchPlatform.Engine.Alerts.Channels;

/// <summary>The generic JSON form of a notice (FILE lines and the WEBHOOK body).</summary>
internal static class AlertJson
{
    public static JsonObject Build(AlertNotice notice)
    {
        var a = notice.Alert;
        var context = new JsonObject();
        foreach (var (k, v) in a.Context.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            context[k] = v;
        }

        return new JsonObject
        {
            ["id"] = notice.Id,
            ["level"] = AlertLevels.Name(a.Level),
            ["category"] = AlertLevels.Name(a.Category),
            ["key"] = a.Key,
            ["title"] = a.Title,
            ["body"] = a.Body,
            ["component"] = a.Component,
            ["context"] = context,
            ["raised_at"] = a.RaisedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["count"] = notice.Count,
            ["escalation_stage"] = notice.EscalationStage,
        };
    }
}
