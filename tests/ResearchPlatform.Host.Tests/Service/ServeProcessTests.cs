using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Service;

/// <summary>A real <c>rp serve</c> process: health, token enforcement, event stream, graceful SIGTERM.</summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task Serve_ControlWithoutAndWithToken_401Then200AndSigtermStopsInReverseOrder()
    {
        using var ws = new TempDir();
        var (serve, url) = await ServeProcess.StartAsync(ws.Path);
        using (serve)
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(20) };
            using var health = JsonDocument.Parse(await http.GetStringAsync("/api/health"));
            var tokenFile = Path.Combine(ws.Path, "serve.token");
            var token = (await File.ReadAllTextAsync(tokenFile)).Trim();

            using var noToken = await http.PostAsync("/api/emergency-stop", Json("""{"confirm":true}"""));
            using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/emergency-stop") { Content = Json("""{"confirm":true}""") };
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", new string('0', 64));
            using var wrongResponse = await http.SendAsync(wrong);
            using var badBody = await Authorized(http, token, "/api/emergency-stop", """{"confirm":false}""");
            using var ok = await Authorized(http, token, "/api/emergency-stop", """{"confirm":true}""");
            using var after = JsonDocument.Parse(await http.GetStringAsync("/api/health"));
            using var unknown = await Authorized(http, token, "/api/strategies/nope/stop", "");

            Assert.Equal(13, health.RootElement.GetProperty("components").GetArrayLength());
            Assert.Equal(0.8, health.RootElement.GetProperty("threshold").GetDouble());
            Assert.Equal("paper", health.RootElement.GetProperty("mode").GetString());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
            }

            Assert.Equal(64, token.Length);
            Assert.DoesNotContain(token, serve.Stdout + serve.Stderr, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
            Assert.Contains("bearer token", await noToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
            Assert.Contains("confirm", await badBody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.True(after.RootElement.GetProperty("live_trading_blocked").GetBoolean());
            Assert.Contains("emergency stop", after.RootElement.GetProperty("blocked_reason").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

            var exit = await serve.TerminateAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, exit);
            var stops = serve.Stderr.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Match(l, @"stopped (\w+) \(")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(
                ["alerting", "monitoring", "resilience", "decision_engine", "paper_engine", "strategy_pool", "order_manager", "position_sizer", "risk_manager", "fear_greed", "market_data", "exchange", "connections"],
                stops);
            Assert.Contains("rp serve: stopped", serve.Stderr, StringComparison.Ordinal);
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> Authorized(HttpClient http, string token, string path, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body.Length == 0 ? null : Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }
}
