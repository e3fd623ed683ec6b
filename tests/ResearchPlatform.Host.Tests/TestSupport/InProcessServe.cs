using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Service;
using ResearchPlatform.Host.Service.Auth;
using ResearchPlatform.Host.Service.Trading;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Tests.TestSupport;

/// <summary>
/// A real <see cref="ServeHost"/> in the test process on 127.0.0.1 (free port), replaying the bundled BTC/USD daily
/// sample (1,318 bars) through the default strategy pool; an <see cref="HttpClient"/> on it and the token.
/// </summary>
internal sealed class InProcessServe : IAsyncDisposable
{
    private readonly TempDir _workspace;

    private InProcessServe(TempDir workspace, WebApplication app, Uri url, string token)
    {
        _workspace = workspace;
        App = app;
        Token = token;
        Http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public string Token { get; }

    public string Workspace => _workspace.Path;

    public TradingRuntime Runtime => App.Services.GetRequiredService<TradingRuntime>();

    /// <summary>Imports the sample, starts the service; <paramref name="replaySpeed"/> null = as fast as possible.</summary>
    public static async Task<InProcessServe> StartAsync(double? replaySpeed, int decisionEvery = 0)
    {
        var ws = new TempDir();
        try
        {
            using (var db = ResearchDatabase.Open(Path.Combine(ws.Path, ResearchPlatform.Host.Cli.Workspace.DatabaseFileName)))
            {
                new BarStore(db).ImportFile(ClusterProcesses.Sample("BTCUSD-coinbase-1d.csv"), symbol: "BTC/USD", interval: BarInterval.Parse("1d"));
            }

            var settings = new ServeSettings
            {
                WorkspaceRoot = ws.Path,
                ReplaySymbol = "BTC/USD",
                ReplayInterval = "1d",
                ReplaySpeed = replaySpeed,
                DecisionEveryBars = decisionEvery,
            };
            var token = ServeToken.LoadOrCreate(ws.Path);
            var app = ServeHost.Build(new ServeHostOptions(settings, "127.0.0.1", 0, null, ModeGiven: false), token);
            await app.StartAsync();
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var secret = (await File.ReadAllTextAsync(token.Path)).Trim();
            return new InProcessServe(ws, app, new Uri(url), secret);
        }
        catch
        {
            ws.Dispose();
            throw;
        }
    }

    public async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return JsonDocument.Parse(body);
    }

    /// <summary>POST with the token (or <paramref name="token"/>, or none when it is empty); body null = no content.</summary>
    public async Task<(int Status, JsonDocument Body)> PostAsync(string path, string? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var bearer = token ?? Token;
        if (bearer.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Polls until <paramref name="done"/> holds (generous deadline: the machine is shared).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> done, string what, int seconds = 60)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!await done())
        {
            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"not reached within {seconds} s: {what}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _workspace.Dispose();
    }
}
