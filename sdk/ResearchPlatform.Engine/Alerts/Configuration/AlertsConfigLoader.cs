using System.Globalization;
using System.Text.Json;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Alerts.Configuration;

/// <summary>
/// Reads <c>alerts.json</c> and validates it, reporting every invalid field at once with its path
/// (<c>channels[2].smtp.port: must be 1..65535</c>). Relative paths (FILE path, secret files) resolve against the
/// config file's folder. Secrets are referenced (<c>url_env</c>, <c>url_file</c>, <c>password_env</c>,
/// <c>password_file</c>), never inlined: an inline <c>url</c> or <c>password</c> is refused.
/// </summary>
public static class AlertsConfigLoader
{
    /// <summary>The conventional file name in a workspace.</summary>
    public const string FileName = "alerts.json";

    /// <summary>Loads <paramref name="path"/>; throws <see cref="AlertsConfigException"/> listing every problem.</summary>
    public static AlertsConfig Load(string path)
    {
        var full = Path.GetFullPath(path);
        var text = File.ReadAllText(full);
        return Parse(text, Path.GetDirectoryName(full)!, full);
    }

    /// <summary>Loads <c>alerts.json</c> from the workspace, or the default configuration when it is absent.</summary>
    public static AlertsConfig LoadOrDefault(string workspaceRoot)
    {
        var file = Path.Combine(workspaceRoot, FileName);
        return File.Exists(file) ? Load(file) : AlertsConfig.Default(workspaceRoot);
    }

    /// <summary>Parses configuration text; <paramref name="baseDirectory"/> anchors relative paths.</summary>
    public static AlertsConfig Parse(string json, string baseDirectory, string sourceName = FileName)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new AlertsConfigException([$"{sourceName}: not valid JSON (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}"]);
        }

        using (doc)
        {
            var r = new Reader(baseDirectory);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AlertsConfigException([$"{sourceName}: the root must be an object"]);
            }

            r.Known(root, "$", "throttle_window_seconds", "retry_undelivered_seconds", "channels", "escalation", "monitoring", "history_queue_capacity");
            var throttle = r.Seconds(root, "throttle_window_seconds", "$", 300, min: 0);
            var retryEvery = r.Seconds(root, "retry_undelivered_seconds", "$", 60, min: 1);
            var historyCapacity = (int)r.Number(root, "history_queue_capacity", "$", 10_000, min: 1, max: 10_000_000);
            var channels = new List<AlertChannelConfig>();
            if (root.TryGetProperty("channels", out var arr) && arr.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var c in arr.EnumerateArray())
                {
                    if (ReadChannel(r, c, $"channels[{i}]") is { } ch)
                    {
                        channels.Add(ch);
                    }

                    i++;
                }
            }
            else
            {
                r.Errors.Add("channels: required (an array of channel objects)");
            }

            CheckNames(r, channels);
            var escalation = ReadEscalation(r, root, channels);
            if (r.Errors.Count > 0)
            {
                throw new AlertsConfigException(r.Errors);
            }

            return new AlertsConfig { Channels = channels, ThrottleWindow = throttle, RetryUndeliveredEvery = retryEvery, Escalation = escalation,
                HistoryQueueCapacity = historyCapacity };
        }
    }

    private static void CheckNames(Reader r, List<AlertChannelConfig> channels)
    {
        foreach (var dup in channels.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            r.Errors.Add($"channels: name '{dup.Key}' is used {dup.Count()} times");
        }
    }

    private static AlertChannelConfig? ReadChannel(Reader r, JsonElement c, string at)
    {
        if (c.ValueKind != JsonValueKind.Object)
        {
            r.Errors.Add($"{at}: must be an object");
            return null;
        }

        r.Known(c, at, "name", "type", "enabled", "min_level", "escalation_only", "retry", "rate_limit_per_minute", "queue_capacity",
            "timeout_ms", "stream", "path", "max_bytes", "max_files", "url_env", "url_file", "smtp");
        var typeText = r.String(c, "type", at, required: true);
        AlertChannelType type = default;
        if (typeText is not null && !Enum.TryParse(typeText, ignoreCase: true, out type))
        {
            r.Errors.Add($"{at}.type: '{typeText}' is not one of console, file, email, discord, slack, webhook");
            typeText = null;
        }

        var name = r.String(c, "name", at, required: false) ?? typeText?.ToLowerInvariant() ?? "?";
        var cfg = new AlertChannelConfig
        {
            Name = name,
            Type = type,
            Enabled = r.Bool(c, "enabled", at, true),
            MinLevel = r.Level(c, "min_level", at, AlertLevel.Informational),
            EscalationOnly = r.Bool(c, "escalation_only", at, false),
            Retry = ReadRetry(r, c, at),
            RateLimitPerMinute = (int)r.Number(c, "rate_limit_per_minute", at, 30, 1, 100_000),
            QueueCapacity = (int)r.Number(c, "queue_capacity", at, 1000, 1, 1_000_000),
            Timeout = TimeSpan.FromMilliseconds(r.Number(c, "timeout_ms", at, 10_000, 1, 600_000)),
        };
        return typeText is null ? null : type switch
        {
            AlertChannelType.Console => cfg with { Stream = r.Stream(c, at) },
            AlertChannelType.File => cfg with
            {
                Path = r.PathOrDefault(c, "path", at, Path.Combine("alerts", name + ".jsonl")),
                MaxBytes = (long)r.Number(c, "max_bytes", at, 10 * 1024 * 1024, 1024, long.MaxValue),
                MaxFiles = (int)r.Number(c, "max_files", at, 5, 1, 1000),
            },
            AlertChannelType.Email => cfg with { Smtp = ReadSmtp(r, c, at) },
            _ => cfg with { Url = r.Secret(c, "url", at, required: true) },
        };
    }

    private static RetryPolicy ReadRetry(Reader r, JsonElement c, string at)
    {
        if (!c.TryGetProperty("retry", out var retry))
        {
            return RetryPolicy.Default;
        }

        var p = at + ".retry";
        if (retry.ValueKind != JsonValueKind.Object)
        {
            r.Errors.Add($"{p}: must be an object");
            return RetryPolicy.Default;
        }

        r.Known(retry, p, "max_attempts", "initial_delay_ms", "max_delay_ms");
        var attempts = (int)r.Number(retry, "max_attempts", p, 5, 1, 100);
        var initial = r.Number(retry, "initial_delay_ms", p, 500, 0, 3_600_000);
        var max = r.Number(retry, "max_delay_ms", p, 30_000, 0, 3_600_000);
        if (max < initial)
        {
            r.Errors.Add($"{p}.max_delay_ms: must be >= initial_delay_ms ({initial.ToString(CultureInfo.InvariantCulture)})");
        }

        return new RetryPolicy(attempts, TimeSpan.FromMilliseconds(initial), TimeSpan.FromMilliseconds(max));
    }

    private static SmtpSettings? ReadSmtp(Reader r, JsonElement c, string at)
    {
        var p = at + ".smtp";
        if (!c.TryGetProperty("smtp", out var s) || s.ValueKind != JsonValueKind.Object)
        {
            r.Errors.Add($"{p}: required for an email channel (host, port, security, from, to)");
            return null;
        }

        r.Known(s, p, "host", "port", "security", "username", "password_env", "password_file", "from", "to");
        var security = (r.String(s, "security", p, required: false) ?? "starttls").ToLowerInvariant();
        if (security is not ("starttls" or "ssl" or "none"))
        {
            r.Errors.Add($"{p}.security: '{security}' is not one of starttls, ssl, none");
        }

        var to = new List<string>();
        if (s.TryGetProperty("to", out var toEl) && toEl.ValueKind == JsonValueKind.Array)
        {
            to.AddRange(toEl.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
        }

        if (to.Count == 0 || to.Any(a => !a.Contains('@', StringComparison.Ordinal)))
        {
            r.Errors.Add($"{p}.to: required, an array of e-mail addresses");
        }

        var from = r.String(s, "from", p, required: true);
        if (from is not null && !from.Contains('@', StringComparison.Ordinal))
        {
            r.Errors.Add($"{p}.from: '{from}' is not an e-mail address");
        }

        var username = r.String(s, "username", p, required: false);
        var password = r.Secret(s, "password", p, required: username is not null);
        return new SmtpSettings(r.String(s, "host", p, required: true) ?? string.Empty, (int)r.Number(s, "port", p, 587, 1, 65535),
            security, username, password, from ?? string.Empty, to);
    }

    private static List<EscalationStep> ReadEscalation(Reader r, JsonElement root, List<AlertChannelConfig> channels)
    {
        var steps = new List<EscalationStep>();
        if (!root.TryGetProperty("escalation", out var esc))
        {
            return steps;
        }

        if (esc.ValueKind != JsonValueKind.Array)
        {
            r.Errors.Add("escalation: must be an array of {after_seconds, channels}");
            return steps;
        }

        var i = 0;
        foreach (var step in esc.EnumerateArray())
        {
            var p = $"escalation[{i++}]";
            r.Known(step, p, "after_seconds", "channels");
            var after = r.Seconds(step, "after_seconds", p, -1, min: 0);
            if (after < TimeSpan.Zero)
            {
                r.Errors.Add($"{p}.after_seconds: required");
            }

            var names = step.TryGetProperty("channels", out var ch) && ch.ValueKind == JsonValueKind.Array
                ? ch.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()
                : [];
            if (names.Count == 0)
            {
                r.Errors.Add($"{p}.channels: required, a non-empty array of channel names");
            }

            foreach (var n in names.Where(n => !channels.Any(c => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase))))
            {
                r.Errors.Add($"{p}.channels: no channel named '{n}'");
            }

            if (steps.Count > 0 && after <= steps[^1].After)
            {
                r.Errors.Add($"{p}.after_seconds: must be greater than the previous step's");
            }

            steps.Add(new EscalationStep(after, names));
        }

        return steps;
    }
}
