using System.Text.Json;
using ResearchPlatform.Engine.Alerts;
using ResearchPlatform.Engine.Alerts.Channels;
using ResearchPlatform.Engine.Alerts.Configuration;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Engine.Tests.TestSupport;
using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Tests.Alerts;

/// <summary>Discord, Slack and generic webhook channels against a real HTTP listener on 127.0.0.1.</summary>
public sealed class HttpChannelTests : IDisposable
{
    private readonly LocalHttpServer _server = new();
    private readonly TempDir _dir = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
        _dir.Dispose();
    }

    private async Task<(AlertService Service, string Id)> SendAsync(AlertChannelType type, Alert alert, int attempts = 3, int maxDelayMs = 200)
    {
        var urlFile = _dir.Write(type + ".url", new Uri(_server.BaseUri, "hooks/" + type.ToString().ToLowerInvariant() + "/s3cr3t-token").ToString());
        var config = new AlertsConfig
        {
            Channels =
            [
                AlertKit.Channel("out", attempts: attempts) with
                {
                    Type = type, Url = new SecretSource(null, urlFile), Timeout = TimeSpan.FromSeconds(5),
                    Retry = new RetryPolicy(attempts, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(maxDelayMs)),
                },
            ],
        };
        var redactor = new SecretRedactor();
        var factory = new AlertChannelFactory(_http, redactor, TimeProvider.System);
        var service = AlertService.Create(config, new AlertStore(ResearchDatabase.OpenInMemory()), factory, redactor);
        var id = service.PublishAndGetId(alert);
        await AlertKit.Flush(service);
        return (service, id);
    }

    [Fact]
    public async Task Discord_Critical_PostsOneEmbedInDiscordFormat()
    {
        var (service, id) = await SendAsync(AlertChannelType.Discord, AlertKit.Make(AlertLevel.Critical));
        await using var _ = service;

        var req = Assert.Single(_server.Received);
        Assert.Equal("/hooks/discord/s3cr3t-token", req.Path);
        Assert.StartsWith("application/json", req.ContentType, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(req.Body);
        var embed = Assert.Single(doc.RootElement.GetProperty("embeds").EnumerateArray());
        Assert.Equal("Drawdown above limit", embed.GetProperty("title").GetString());
        Assert.Equal("Daily drawdown 6.2% > 5%", embed.GetProperty("description").GetString());
        Assert.Equal(0xE74C3C, embed.GetProperty("color").GetInt32());
        Assert.Equal("2026-03-01T12:00:00.000Z", embed.GetProperty("timestamp").GetString());
        Assert.Equal("risk_manager", embed.GetProperty("footer").GetProperty("text").GetString());
        var fields = embed.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("CRITICAL", fields["Level"]);
        Assert.Equal("TRADING", fields["Category"]);
        Assert.Equal(id, fields["Alert id"]);
        Assert.Equal("BTC/USDT", fields["symbol"]);
        Assert.Equal("delivered", service.Get(id)!.Deliveries.Single().Status);
    }

    [Fact]
    public async Task Slack_Warning_PostsBlockKitWithFallbackText()
    {
        var (service, id) = await SendAsync(AlertChannelType.Slack, AlertKit.Make(AlertLevel.Warning));
        await using var _ = service;

        using var doc = JsonDocument.Parse(Assert.Single(_server.Received).Body);
        var root = doc.RootElement;
        Assert.Equal("WARNING: Drawdown above limit", root.GetProperty("text").GetString());
        var blocks = root.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(["header", "section", "context"], blocks.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("plain_text", blocks[0].GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("Drawdown above limit", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("mrkdwn", blocks[1].GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("Daily drawdown 6.2% > 5%", blocks[1].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal(["*drawdown*\n0.062", "*symbol*\nBTC/USDT"], blocks[1].GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("text").GetString()));
        var context = Assert.Single(blocks[2].GetProperty("elements").EnumerateArray()).GetProperty("text").GetString()!;
        Assert.Contains("*WARNING* | TRADING | risk_manager | alert " + id, context, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_429WithRetryAfter_WaitsThenDelivers()
    {
        _server.Then(429, "{\"message\":\"slow down\"}", retryAfter: "1");
        var (service, id) = await SendAsync(AlertChannelType.Webhook, AlertKit.Make(), maxDelayMs: 5000);
        await using var _ = service;

        var reqs = _server.Received.ToList();
        Assert.Equal(2, reqs.Count);
        Assert.True(reqs[1].ArrivedMs - reqs[0].ArrivedMs >= 950, $"second attempt after {reqs[1].ArrivedMs - reqs[0].ArrivedMs} ms, Retry-After was 1 s");
        using var doc = JsonDocument.Parse(reqs[1].Body);
        Assert.Equal(id, doc.RootElement.GetProperty("id").GetString());
        Assert.Equal("WARNING", doc.RootElement.GetProperty("level").GetString());
        Assert.Equal("0.062", doc.RootElement.GetProperty("context").GetProperty("drawdown").GetString());
        var d = service.Get(id)!.Deliveries.Single();
        Assert.Equal(("delivered", 2), (d.Status, d.Attempts));
    }

    [Fact]
    public async Task Webhook_5xxTwice_RetriesAndDeliversOnThirdAttempt()
    {
        _server.Then(500);
        _server.Then(503);
        var (service, id) = await SendAsync(AlertChannelType.Webhook, AlertKit.Make());
        await using var _ = service;

        Assert.Equal(3, _server.Received.Count);
        Assert.Equal(("delivered", 3), (service.Get(id)!.Deliveries.Single().Status, service.Get(id)!.Deliveries.Single().Attempts));
        Assert.Equal(2, service.Counters.Deliveries[("out", "retried")]);
    }

    [Fact]
    public async Task Webhook_StillFailing_KeptAsFailedWithRedactedErrorThenResent()
    {
        _server.Then(502, "bad gateway for /hooks/webhook/s3cr3t-token");
        _server.Then(502);
        var (service, id) = await SendAsync(AlertChannelType.Webhook, AlertKit.Make(), attempts: 2);
        await using var _ = service;

        var failed = service.Get(id)!.Deliveries.Single();
        Assert.Equal(("failed", 2), (failed.Status, failed.Attempts));
        Assert.Contains("HTTP 502", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", failed.LastError, StringComparison.Ordinal);

        await service.RetryUndeliveredAsync(CancellationToken.None);
        var resent = service.Get(id)!.Deliveries.Single();
        Assert.Equal(("delivered", 3), (resent.Status, resent.Attempts));
        Assert.Equal(3, _server.Received.Count);
    }

    [Fact]
    public async Task Webhook_400_IsNotRetried()
    {
        _server.Then(400, "{\"error\":\"invalid payload\"}");
        var (service, id) = await SendAsync(AlertChannelType.Webhook, AlertKit.Make());
        await using var _ = service;

        Assert.Single(_server.Received);
        var d = service.Get(id)!.Deliveries.Single();
        Assert.Equal(("failed", 1), (d.Status, d.Attempts));
        Assert.Contains("HTTP 400: {\"error\":\"invalid payload\"}", d.LastError, StringComparison.Ordinal);
    }
}
