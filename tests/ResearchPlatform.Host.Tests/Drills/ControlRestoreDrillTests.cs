using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ResearchPlatform.Host.Tests.TestSupport;

namespace ResearchPlatform.Host.Tests.Drills;

/// <summary>
/// Operator controls survive a crash: real <c>rp serve --mode paper --replay</c> processes, a strategy stopped and the
/// system halted through the API, kill -9, restart on the same workspace; then resumed, killed again and restarted.
/// </summary>
public sealed class ControlRestoreDrillTests
{
    // the halt must land before the last 40 bars (the 2nd process trades 40 bars after the resume): at 50 ms a bar that leaves
    // the halt request (sent at bar 90) 23 s to take effect, whatever a loaded machine does to the HTTP round trip
    private const int BarCount = 600;
    private const int BarsAfterResume = 40;
    private const string Slow = "72000x"; // a 1h bar every 50 ms
    private const string Fast = "360000x";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Serve_StoppedStrategyAndHalt_SurviveKill9_UntilTheOperatorResumes()
    {
        using var root = new TempDir();
        var template = await DrillWorkspace.CreateTemplateAsync(root.Path, BarCount);
        var config = DrillWorkspace.WriteConfig(root.Path);
        var ws = DrillWorkspace.Copy(template, root.Path, "controls");

        // 1st process: stop one strategy at a bar, halt the system at a later bar, then kill -9
        string stopped;
        int haltBar;
        string session;
        Dictionary<string, string[]> journalsAtHalt;
        var (first, url) = await ServeProcess.StartAsync(ws, DrillWorkspace.ServeArgs(config, Slow));
        using (first)
        {
            using var http = Client(url, ws);
            using (var s = await DrillWorkspace.WaitForStateAsync(ws, e => e.GetProperty("bar").GetInt32() >= 30, first, Timeout))
            {
                stopped = s.RootElement.GetProperty("strategies")[0].GetProperty("id").GetString()!;
                session = s.RootElement.GetProperty("session").GetString()!;
            }

            Assert.Equal(200, await PostAsync(http, $"/api/strategies/{stopped}/stop", ""));
            using (await DrillWorkspace.WaitForStateAsync(ws, e => e.GetProperty("bar").GetInt32() >= 90, first, Timeout))
            {
            }

            Assert.Equal(200, await PostAsync(http, "/api/emergency-stop", """{"confirm":true}"""));
            using var halted = DrillWorkspace.TryState(ws)!; // written by the control itself, before the answer
            Assert.Equal("emergency stop requested through the API", halted.RootElement.GetProperty("halt_reason").GetString());
            Assert.Equal(["stop", "halt"], halted.RootElement.GetProperty("controls").EnumerateArray().Select(c => c.GetProperty("action").GetString()));
            haltBar = halted.RootElement.GetProperty("bar").GetInt32();
            Assert.InRange(haltBar, 90, BarCount - 1 - BarsAfterResume);
            journalsAtHalt = DrillWorkspace.Journals(ws, session);
            first.KillHard();
        }

        // 2nd process: restored halted, the strategy still stopped; nothing trades until the operator resumes
        var (second, url2) = await ServeProcess.StartAsync(ws, DrillWorkspace.ServeArgs(config, Slow));
        using (second)
        {
            using var http = Client(url2, ws);
            await DrillWorkspace.WaitForLogAsync(second, "restored session", Timeout);
            Assert.Contains("reconciliation ok", RestoreLine(second), StringComparison.Ordinal);
            using (var health = await GetJsonAsync(http, "/api/health"))
            {
                Assert.Contains("emergency stop", health.RootElement.GetProperty("blocked_reason").GetString(), StringComparison.Ordinal);
            }

            Assert.False(await RunningAsync(http, stopped));
            await Task.Delay(1000); // 20 bars' worth of pacing: a halted session processes none
            using (var still = DrillWorkspace.TryState(ws)!)
            {
                Assert.Equal(haltBar, still.RootElement.GetProperty("bar").GetInt32());
                Assert.Equal(session, still.RootElement.GetProperty("session").GetString());
            }

            // the re-run re-applied stop and halt: every entry at the halt reproduced, nothing new submitted (the restore may
            // add what reconciling a cancel the halt requested learned from the venue)
            foreach (var (id, lines) in DrillWorkspace.Journals(ws, session))
            {
                Assert.Equal(journalsAtHalt[id], lines.Take(journalsAtHalt[id].Length));
                Assert.Equal(0, Submitted([.. lines.Skip(journalsAtHalt[id].Length)]));
            }

            Assert.Equal(200, await PostAsync(http, "/api/resume", """{"confirm":true}"""));
            Assert.Equal(409, await PostAsync(http, "/api/resume", """{"confirm":true}"""));
            using (await DrillWorkspace.WaitForStateAsync(ws, e => e.GetProperty("bar").GetInt32() >= haltBar + BarsAfterResume, second, Timeout))
            {
            }

            Assert.False(await RunningAsync(http, stopped));
            using (var strategies = await GetJsonAsync(http, "/api/strategies"))
            {
                Assert.Contains(strategies.RootElement.EnumerateArray(), s => s.GetProperty("running").GetBoolean()); // the others trade again
            }

            second.KillHard();
        }

        // 3rd process: restored after the resume (not halted), the strategy still stopped; runs to the end
        var (third, url3) = await ServeProcess.StartAsync(ws, DrillWorkspace.ServeArgs(config, Fast));
        using (third)
        {
            using var http = Client(url3, ws);
            await DrillWorkspace.WaitForLogAsync(third, "restored session", Timeout);
            Assert.Contains("reconciliation ok", RestoreLine(third), StringComparison.Ordinal);
            using var final = await DrillWorkspace.WaitForStateAsync(ws, e => e.GetProperty("finished").GetBoolean(), third, Timeout);
            var f = final.RootElement;
            Assert.Equal(BarCount - 1, f.GetProperty("bar").GetInt32());
            Assert.Equal(JsonValueKind.Null, f.GetProperty("halt_reason").ValueKind);
            Assert.Equal(2, f.GetProperty("restores").GetInt32());
            Assert.Equal(["stop", "halt", "resume"], f.GetProperty("controls").EnumerateArray().Select(c => c.GetProperty("action").GetString()));
            Assert.False(f.GetProperty("strategies").EnumerateArray().Single(s => s.GetProperty("id").GetString() == stopped).GetProperty("running").GetBoolean());
            Assert.False(await RunningAsync(http, stopped));

            var journals = DrillWorkspace.Journals(ws, session);
            Assert.Equal(Submitted(journalsAtHalt[stopped]), Submitted(journals[stopped])); // stopped before the halt: no order since
            Assert.True(journals.Where(j => j.Key != stopped).Sum(j => j.Value.Length) > journalsAtHalt.Where(j => j.Key != stopped).Sum(j => j.Value.Length), "the running strategies traded after the resume");
            foreach (var (_, lines) in journals)
            {
                var submitted = lines.Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("kind").GetString() == "submitted")
                    .Select(e => e.GetProperty("client_order_id").GetString()).ToList();
                Assert.Equal(submitted.Count, submitted.Distinct().Count()); // every client order id once across three processes
            }
        }
    }

    private static int Submitted(string[] lines) => lines.Count(l => l.Contains("\"kind\":\"submitted\"", StringComparison.Ordinal));

    private static HttpClient Client(Uri url, string ws)
    {
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(ws, "serve.token")).Trim());
        return http;
    }

    private static async Task<int> PostAsync(HttpClient http, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(path, body.Length == 0 ? null : content);
        return (int)response.StatusCode;
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string path) => JsonDocument.Parse(await http.GetStringAsync(path));

    private static async Task<bool> RunningAsync(HttpClient http, string id)
    {
        using var doc = await GetJsonAsync(http, "/api/strategies");
        return doc.RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id).GetProperty("running").GetBoolean();
    }

    private static string RestoreLine(ServeProcess serve) => serve.Stderr.Split('\n').Last(l => l.Contains("restored session", StringComparison.Ordinal));
}
