using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Service.Evolution;

/// <summary><c>POST /api/evolution/runs</c> on a real <c>rp serve</c>: token, field errors, a run stored and pushed live.</summary>
public sealed class EvolutionApiTests
{
    [Fact]
    public async Task PostRun_TokenFieldsThenSmallRun_RunStoredAndEveryGenerationPushed()
    {
        using var ws = new TempDir();
        var csv = SyntheticCsv.Write(Path.Combine(ws.Path, "bars.csv"), 600);
        var import = await RpProcess.RunAsync("data", "import", csv, "--symbol", "SYN/USDT", "--interval", "1h", "--workspace", ws.Path);
        Assert.True(import.ExitCode == 0, import.StdErr);
        var (serve, url) = await ServeProcess.StartAsync(ws.Path);
        using (serve)
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
            var token = (await File.ReadAllTextAsync(Path.Combine(ws.Path, "serve.token"))).Trim();
            using var stream = await http.GetStreamAsync(new Uri("/api/stream", UriKind.Relative));
            using var reader = new StreamReader(stream);

            using var noToken = await http.PostAsync(new Uri("/api/evolution/runs", UriKind.Relative), Json("""{"symbol":"SYN/USDT","interval":"1h"}"""));
            using var badField = await PostAsync(http, token, """{"symbol":"SYN/USDT","interval":"1h","population":3}""");
            using var noBars = await PostAsync(http, token, """{"symbol":"NOPE/USDT","interval":"1h"}""");
            using var started = await PostAsync(http, token, """{"symbol":"SYN/USDT","interval":"1h","population":8,"generations":3,"stagnation":0}""");

            Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, badField.StatusCode);
            Assert.Contains("field 'population'", await badField.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, noBars.StatusCode);
            Assert.Contains("no NOPE/USDT 1h bars", await noBars.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            using var run = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
            var runId = run.RootElement.GetProperty("run_id").GetString()!;

            var events = await ReadEvolutionEventsAsync(reader, runId, TimeSpan.FromSeconds(90));
            Assert.Equal([0, 1, 2], events.Where(e => e.GetProperty("status").GetString() == "running").Select(e => e.GetProperty("generation").GetInt32()));
            Assert.All(events, e => Assert.True(e.TryGetProperty("sent_at", out _)));
            Assert.Equal("completed", events[^1].GetProperty("status").GetString());

            using var detail = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/evolution/runs/{runId}", UriKind.Relative)));
            Assert.Equal("completed", detail.RootElement.GetProperty("status").GetString());
            var generations = detail.RootElement.GetProperty("generations");
            Assert.Equal(3, generations.GetArrayLength());
            Assert.Equal(events[2].GetProperty("best_fitness").GetDouble(), generations[2].GetProperty("best_fitness").GetDouble());
            Assert.True(detail.RootElement.GetProperty("hall_of_fame").GetArrayLength() > 0);
            // The deflated Sharpe is one figure per run (its best individual against the distinct strategies tried).
            var dsr = detail.RootElement.GetProperty("deflated_sharpe");
            Assert.InRange(dsr.GetProperty("deflated").GetDouble(), 0, 1);
            Assert.True(dsr.GetProperty("trials").GetInt64() > 1);
            Assert.All(detail.RootElement.GetProperty("hall_of_fame").EnumerateArray(), e => Assert.False(e.TryGetProperty("deflated_sharpe", out _)));
        }
    }

    [Fact]
    public async Task PostRun_EvolveSettings_StoredWithTheRunReportedByApiAndRunsShow_BadSettingsNameTheField()
    {
        using var ws = new TempDir();
        var csv = SyntheticCsv.Write(Path.Combine(ws.Path, "bars.csv"), 600);
        var import = await RpProcess.RunAsync("data", "import", csv, "--symbol", "SYN/USDT", "--interval", "1h", "--workspace", ws.Path);
        Assert.True(import.ExitCode == 0, import.StdErr);
        string runId;
        var (serve, url) = await ServeProcess.StartAsync(ws.Path);
        using (serve)
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
            var token = (await File.ReadAllTextAsync(Path.Combine(ws.Path, "serve.token"))).Trim();

            using var badValue = await PostAsync(http, token, """{"symbol":"SYN/USDT","interval":"1h","elite_ratio":1.5}""");
            using var unknown = await PostAsync(http, token, """{"symbol":"SYN/USDT","interval":"1h","tournament_sise":3}""");
            using var badKey = await PostAsync(http, token, """{"symbol":"SYN/USDT","interval":"1h","fitness_weights":{"luck":1}}""");
            using var started = await PostAsync(http, token, """
                {"symbol":"SYN/USDT","interval":"1h","population":8,"generations":2,"stagnation":0,"seed_types":{"momentum":3,"breakout":1},
                 "tournament_size":4,"elite_ratio":0.25,"crossover":"blend","mutation_rate":0.3,"fitness_weights":{"drawdown":2},
                 "niching":"sharing","sharing_radius":0.2,"hof_per_type":0}
                """);

            Assert.Equal(HttpStatusCode.BadRequest, badValue.StatusCode);
            Assert.Contains("field 'elite_ratio': must be in [0, 1) (was 1.5)", await badValue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("field 'tournament_sise': unknown", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
            Assert.Contains("field 'fitness_weights': unknown key 'luck'", await badKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var startedBody = await started.Content.ReadAsStringAsync();
            Assert.True(started.StatusCode == HttpStatusCode.Accepted, startedBody);
            using var run = JsonDocument.Parse(startedBody);
            runId = run.RootElement.GetProperty("run_id").GetString()!;

            // The settings are stored when the run is created, so the detail reports them while it runs.
            using var detail = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/evolution/runs/{runId}", UriKind.Relative)));
            var genetic = detail.RootElement.GetProperty("genetic");
            Assert.Equal(4, genetic.GetProperty("tournament_size").GetInt32());
            Assert.Equal(0.25, genetic.GetProperty("elite_ratio").GetDouble());
            Assert.Equal("blend", genetic.GetProperty("crossover").GetString());
            Assert.Equal(0.3, genetic.GetProperty("mutation_rate").GetDouble());
            Assert.Equal(3, genetic.GetProperty("seed_type_weights").GetProperty("momentum").GetDouble());
            Assert.Equal(2, genetic.GetProperty("fitness").GetProperty("drawdown_weight").GetDouble());
            Assert.Equal(1, genetic.GetProperty("fitness").GetProperty("sharpe_weight").GetDouble()); // keys left out keep the default
            Assert.Equal("sharing", detail.RootElement.GetProperty("niching").GetProperty("mode").GetString());
            Assert.Equal(0.2, detail.RootElement.GetProperty("niching").GetProperty("sharing_radius").GetDouble());
        }

        // After the service stopped: rp runs show reads the same stored settings from the workspace's DuckDB.
        var show = await RpProcess.RunAsync("runs", "show", runId, "--json", "--workspace", ws.Path);
        Assert.True(show.ExitCode == 0, show.StdErr);
        using var shown = JsonDocument.Parse(show.StdOut);
        Assert.Equal(4, shown.RootElement.GetProperty("genetic").GetProperty("tournament_size").GetInt32());
        Assert.Equal(1, shown.RootElement.GetProperty("genetic").GetProperty("seed_type_weights").GetProperty("breakout").GetDouble());
        Assert.Equal(0, shown.RootElement.GetProperty("niching").GetProperty("hall_of_fame_per_type").GetInt32());
    }

    private static async Task<List<JsonElement>> ReadEvolutionEventsAsync(StreamReader reader, string runId, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var events = new List<JsonElement>();
        string? name = null;
        while (await reader.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name == "evolution")
            {
                using var doc = JsonDocument.Parse(line["data: ".Length..]);
                if (doc.RootElement.GetProperty("run_id").GetString() == runId)
                {
                    events.Add(doc.RootElement.Clone());
                    if (doc.RootElement.GetProperty("status").GetString() != "running")
                    {
                        return events;
                    }
                }
            }
        }

        return events;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string token, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/evolution/runs", UriKind.Relative)) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }
}
