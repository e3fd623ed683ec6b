using MimeKit;
using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Alerts.Channels;
using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Tests.Alerts;

/// <summary>The e-mail channel against an in-test SMTP server on 127.0.0.1 (STARTTLS with a self-signed certificate, AUTH).</summary>
public sealed class EmailChannelTests
{
    [Fact]
    public async Task Deliver_StartTlsWithAuth_ServerReceivesMessageWithHeadersAndBody()
    {
        using var smtp = new TestSmtpServer();
        using var dir = new TempDir();
        var passwordFile = dir.Write("smtp.pw", "hunter2-long\n");
        var config = new AlertsConfig
        {
            Channels =
            [
                AlertKit.Channel("mail") with
                {
                    Type = AlertChannelType.Email, Timeout = TimeSpan.FromSeconds(10),
                    Smtp = new SmtpSettings("127.0.0.1", smtp.Port, "starttls", "rp-alerts", new SecretSource(null, passwordFile),
                        "alerts@rp.test", ["ops@rp.test", "lead@rp.test"]),
                },
            ],
        };
        var redactor = new SecretRedactor();
        using var http = new HttpClient();
        var factory = new AlertChannelFactory(http, redactor, TimeProvider.System, smtpCertificateValidation: smtp.Validate);
        await using var service = AlertService.Create(config, new AlertStore(ResearchDatabase.OpenInMemory()), factory, redactor);

        var id = service.PublishAndGetId(AlertKit.Make(AlertLevel.Emergency));
        await AlertKit.Flush(service);

        Assert.Equal("delivered", service.Get(id)!.Deliveries.Single().Status);
        var mail = Assert.Single(smtp.Received);
        Assert.True(mail.Tls, "the message was sent before STARTTLS");
        Assert.Equal(("rp-alerts", "hunter2-long"), (mail.User, mail.Password));
        Assert.Equal("alerts@rp.test", mail.From);
        Assert.Equal(["ops@rp.test", "lead@rp.test"], mail.To);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data));
        var message = await MimeMessage.LoadAsync(stream);
        Assert.Equal("[EMERGENCY] Drawdown above limit", message.Subject);
        Assert.Equal(id, message.Headers["X-RP-Alert-Id"]);
        Assert.Equal("EMERGENCY", message.Headers["X-RP-Alert-Level"]);
        Assert.Equal("k1", message.Headers["X-RP-Alert-Key"]);
        Assert.Equal(MessagePriority.Urgent, message.Priority);
        var body = message.TextBody;
        Assert.StartsWith("Daily drawdown 6.2% > 5%", body, StringComparison.Ordinal);
        Assert.Contains("Component: risk_manager", body, StringComparison.Ordinal);
        Assert.Contains("symbol: BTC/USDT", body, StringComparison.Ordinal);
        Assert.Contains("rp alerts ack " + id, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_ServerDown_FailsRetryablyWithoutLeakingPassword()
    {
        var port = FreePort();
        using var dir = new TempDir();
        var config = new AlertsConfig
        {
            Channels =
            [
                AlertKit.Channel("mail", attempts: 2) with
                {
                    Type = AlertChannelType.Email,
                    Smtp = new SmtpSettings("127.0.0.1", port, "none", "u", new SecretSource(null, dir.Write("pw", "topsecretpw")), "a@rp.test", ["b@rp.test"]),
                },
            ],
        };
        var redactor = new SecretRedactor();
        using var http = new HttpClient();
        await using var service = AlertService.Create(config, new AlertStore(ResearchDatabase.OpenInMemory()), new AlertChannelFactory(http, redactor, TimeProvider.System), redactor);

        var id = service.PublishAndGetId(AlertKit.Make());
        await AlertKit.Flush(service);

        var d = service.Get(id)!.Deliveries.Single();
        Assert.Equal(("failed", 2), (d.Status, d.Attempts));
        Assert.Contains("SMTP 127.0.0.1:" + port, d.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecretpw", d.LastError, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
