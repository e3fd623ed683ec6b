using ResearchPlatform.Engine.Risk.Regime;
using ResearchPlatform.Engine.Tests.TestSupport;

namespace ResearchPlatform.Engine.Tests.Risk.Regime;

public sealed class FearGreedClientTests : IDisposable
{
    private const string TwoDays = """
        {"name":"Fear and Greed Index","data":[
          {"value":"40","value_classification":"Fear","timestamp":"1709337600","time_until_update":"3600"},
          {"value":"72","value_classification":"Greed","timestamp":"1709251200"}],
         "metadata":{"error":null}}
        """;

    private readonly LocalHttpServer _server = new();
    private readonly HttpClient _http = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2024, 3, 2, 12, 0, 0, TimeSpan.Zero));

    private FearGreedClient Client(TimeSpan? timeout = null) =>
        new(_http, _time, new FearGreedClientOptions(_server.BaseUri, TimeSpan.FromHours(1), timeout ?? TimeSpan.FromSeconds(5)));

    [Fact]
    public async Task GetAsync_ApiAnswers_ParsesDaysAndValues()
    {
        _server.Respond = () => (200, TwoDays, TimeSpan.Zero);
        var r = await Client().GetAsync(2, CancellationToken.None);
        Assert.Equal([new FearGreedPoint(new DateOnly(2024, 3, 2), 40), new FearGreedPoint(new DateOnly(2024, 3, 1), 72)], r.Points);
        Assert.False(r.IsStale);
        Assert.Null(r.Error);
        Assert.Equal("/fng/?limit=2", _server.LastPathAndQuery);
    }

    [Fact]
    public async Task GetAsync_WithinTtl_ServesCacheWithoutCallingTheApi()
    {
        _server.Respond = () => (200, TwoDays, TimeSpan.Zero);
        var c = Client();
        await c.GetAsync(2, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(59));
        var r = await c.GetAsync(1, CancellationToken.None);
        Assert.Equal(1, _server.Requests);
        Assert.Equal(40, Assert.Single(r.Points).Value);
    }

    [Fact]
    public async Task GetAsync_ApiFailsAfterTtl_ReturnsCachedValuesFlaggedStale()
    {
        _server.Respond = () => (200, TwoDays, TimeSpan.Zero);
        var c = Client();
        var first = await c.GetAsync(2, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2));
        _server.Respond = () => (503, "down", TimeSpan.Zero);
        var r = await c.GetAsync(2, CancellationToken.None);
        Assert.Equal(2, _server.Requests);
        Assert.True(r.IsStale);
        Assert.Contains("503", r.Error, StringComparison.Ordinal);
        Assert.Equal(first.Points, r.Points);
        Assert.Equal(first.FetchedAt, r.FetchedAt);
    }

    [Fact]
    public async Task GetAsync_ApiTooSlow_TimesOutAndReportsStaleEmpty()
    {
        _server.Respond = () => (200, TwoDays, TimeSpan.FromSeconds(12)); // far beyond the 200 ms timeout, so a loaded machine cannot blur them
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = await Client(TimeSpan.FromMilliseconds(200)).GetAsync(2, CancellationToken.None);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(8), $"took {sw.Elapsed}");
        Assert.True(r.IsStale);
        Assert.Empty(r.Points);
        Assert.StartsWith("timed out", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"data":[{"value":"x","timestamp":"1709337600"}]}""")]
    [InlineData("""{"data":[],"metadata":{"error":"limit invalid"}}""")]
    public async Task GetAsync_BadPayload_ReportsTheError(string body)
    {
        _server.Respond = () => (200, body, TimeSpan.Zero);
        var r = await Client().GetAsync(2, CancellationToken.None);
        Assert.True(r.IsStale);
        Assert.False(string.IsNullOrEmpty(r.Error));
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }
}
