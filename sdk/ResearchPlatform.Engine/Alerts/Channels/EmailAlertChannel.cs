using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using ResearchPlatform.Engine.Alerts.Configuration;

namespace ResearchPlatform.Engine.Alerts.Channels;

/// <summary>
/// EMAIL through SMTP (MailKit): connects (STARTTLS, implicit TLS or plain as configured), authenticates when a user
/// name is set, sends one plain-text message per notice and disconnects. The subject is
/// <c>[LEVEL] title</c>; headers <c>X-RP-Alert-Id</c>, <c>X-RP-Alert-Level</c> and <c>X-RP-Alert-Key</c> let mail rules
/// route alerts. 4xx SMTP replies and network errors are retryable; 5xx replies and failed authentication are not.
/// </summary>
internal sealed class EmailAlertChannel(
    string name,
    SmtpSettings smtp,
    string? password,
    SecretRedactor redactor,
    RemoteCertificateValidationCallback? certificateValidation) : IAlertChannel
{
    public string Name { get; } = name;

    public async Task DeliverAsync(AlertNotice notice, CancellationToken ct)
    {
        var message = BuildMessage(notice);
        using var client = new SmtpClient();
        if (certificateValidation is not null)
        {
            client.ServerCertificateValidationCallback = certificateValidation;
        }

        try
        {
            var security = smtp.Security switch
            {
                "ssl" => SecureSocketOptions.SslOnConnect,
                "none" => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
            if (smtp.Username is not null)
            {
                await client.AuthenticateAsync(smtp.Username, password ?? string.Empty, ct);
            }

            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (AuthenticationException ex)
        {
            throw Fail($"SMTP authentication failed for {smtp.Username}: {ex.Message}", retryable: false);
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            throw Fail($"SMTP server answered {code.ToString(CultureInfo.InvariantCulture)}: {ex.Message}", retryable: code is >= 400 and < 500);
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or SslHandshakeException)
        {
            throw Fail($"SMTP {smtp.Host}:{smtp.Port.ToString(CultureInfo.InvariantCulture)} failed: {ex.Message}", retryable: true);
        }
    }

    /// <summary>The message as sent (exposed for tests of headers and body).</summary>
    public MimeMessage BuildMessage(AlertNotice notice)
    {
        var a = notice.Alert;
        var msg = new MimeMessage();
        msg.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var to in smtp.To)
        {
            msg.To.Add(MailboxAddress.Parse(to));
        }

        msg.Subject = $"[{AlertLevels.Name(a.Level)}] {notice.DisplayTitle}";
        msg.Date = a.RaisedAt;
        msg.Headers.Add("X-RP-Alert-Id", notice.Id);
        msg.Headers.Add("X-RP-Alert-Level", AlertLevels.Name(a.Level));
        msg.Headers.Add("X-RP-Alert-Key", a.Key);
        if (a.Level >= Sdk.Alerts.AlertLevel.Critical)
        {
            msg.Priority = MessagePriority.Urgent;
        }

        var body = new StringBuilder();
        body.Append(a.Body.Length == 0 ? a.Title : a.Body).Append("\n\n");
        body.Append(CultureInfo.InvariantCulture, $"Level: {AlertLevels.Name(a.Level)}\nCategory: {AlertLevels.Name(a.Category)}\nComponent: {a.Component}\n");
        body.Append(CultureInfo.InvariantCulture, $"Alert id: {notice.Id}\nKey: {a.Key}\nRaised at: {a.RaisedAt.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC\n");
        if (notice.Count > 1)
        {
            body.Append(CultureInfo.InvariantCulture, $"Occurrences in window: {notice.Count}\n");
        }

        foreach (var (k, v) in a.Context.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            body.Append(CultureInfo.InvariantCulture, $"{k}: {v}\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"\nAcknowledge with: rp alerts ack {notice.Id}\n");
        msg.Body = new TextPart("plain") { Text = body.ToString() };
        return msg;
    }

    private AlertDeliveryException Fail(string message, bool retryable) => new(redactor.Redact(message), retryable);
}
