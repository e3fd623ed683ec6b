using System.Net.Security;
using ResearchPlatform.Engine.Alerts.Configuration;

namespace ResearchPlatform.Engine.Alerts.Channels;

/// <summary>
/// Builds channels from configuration, resolving secrets (registered with the redactor before anything can log them).
/// </summary>
public sealed class AlertChannelFactory(
    HttpClient http,
    SecretRedactor redactor,
    TimeProvider time,
    TextWriter? stdout = null,
    TextWriter? stderr = null,
    RemoteCertificateValidationCallback? smtpCertificateValidation = null)
{
    /// <summary>Creates the channel for <paramref name="config"/>; throws <see cref="AlertsConfigException"/> when a secret is missing.</summary>
    public IAlertChannel Create(AlertChannelConfig config)
    {
        var field = $"channels['{config.Name}']";
        switch (config.Type)
        {
            case AlertChannelType.Console:
                return new ConsoleAlertChannel(config.Name, config.Stream == "stdout" ? stdout ?? Console.Out : stderr ?? Console.Error);
            case AlertChannelType.File:
                return new FileAlertChannel(config.Name, config.Path ?? throw new AlertsConfigException([$"{field}.path: required"]), config.MaxBytes, config.MaxFiles);
            case AlertChannelType.Email:
                var smtp = config.Smtp ?? throw new AlertsConfigException([$"{field}.smtp: required"]);
                var password = smtp.Password?.Resolve(field + ".smtp.password");
                if (password is not null)
                {
                    redactor.Add(password);
                }

                return new EmailAlertChannel(config.Name, smtp, password, redactor, smtpCertificateValidation);
            default:
                var url = (config.Url ?? throw new AlertsConfigException([$"{field}.url_env: required"])).Resolve(field + ".url");
                redactor.Add(url);
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    throw new AlertsConfigException([$"{field}.url: the secret is not an http(s) URL"]);
                }

                var kind = config.Type.ToString().ToLowerInvariant();
                Func<AlertNotice, System.Text.Json.Nodes.JsonObject> payload = config.Type switch
                {
                    AlertChannelType.Discord => DiscordPayload.Build,
                    AlertChannelType.Slack => SlackPayload.Build,
                    _ => AlertJson.Build,
                };
                return new HttpAlertChannel(config.Name, kind, http, url, payload, redactor, time);
        }
    }
}
