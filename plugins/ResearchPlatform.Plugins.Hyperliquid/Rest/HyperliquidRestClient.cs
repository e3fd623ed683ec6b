using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ResearchPlatform.Hyperliquid.RateLimits;
using ResearchPlatform.Sdk.Execution;

namespace ResearchPlatform.Plugins.Hyperliquid.Rest;

/// <summary>
/// POST /info and /exchange with the weighted client-side budget, HTTP 429 backoff (Retry-After or exponential),
/// and failures mapped to <see cref="ExchangeException"/> kinds: timeouts and 5xx are ambiguous for /exchange.
/// Info requests are retried on 5xx and timeouts too (they are idempotent); signed actions are not.
/// </summary>
internal sealed class HyperliquidRestClient
{
    private readonly HttpClient _http;
    private readonly WeightedRateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly int _maxRetries;
    private readonly TimeSpan _backoffInitial, _backoffMax, _timeout;
    private long _rateLimited;

    public HyperliquidRestClient(HttpClient http, WeightedRateLimiter limiter, TimeProvider time, int maxRetries, TimeSpan backoffInitial, TimeSpan backoffMax, TimeSpan timeout)
    {
        _http = http;
        _limiter = limiter;
        _time = time;
        _maxRetries = maxRetries;
        _backoffInitial = backoffInitial;
        _backoffMax = backoffMax;
        _timeout = timeout;
    }

    /// <summary>How many HTTP 429 responses were received.</summary>
    public long RateLimitedResponses => Interlocked.Read(ref _rateLimited);

    public WeightedRateLimiter Limiter => _limiter;

    /// <summary>POST /info; the response JSON.</summary>
    public async Task<JsonNode?> InfoAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var type = request["type"]?.GetValue<string>() ?? throw new ArgumentException("info request needs a type", nameof(request));
        var result = await SendAsync("info", request.ToJsonString(), RequestWeights.Info(type), idempotent: true, cancellationToken);
        _limiter.Charge(RequestWeights.InfoExtra(type, result is JsonArray a ? a.Count : 0));
        return result;
    }

    /// <summary>POST /exchange with a signed body; the response JSON.</summary>
    public Task<JsonNode?> ExchangeAsync(JsonObject body, int batchLength, CancellationToken cancellationToken) =>
        SendAsync("exchange", body.ToJsonString(), RequestWeights.Exchange(batchLength), idempotent: false, cancellationToken);

    private async Task<JsonNode?> SendAsync(string path, string json, int weight, bool idempotent, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await _limiter.AcquireAsync(weight, cancellationToken);
            var (status, text, retryAfter) = await PostOnceAsync(path, json, cancellationToken);
            var last = attempt >= _maxRetries;
            if (status == HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _rateLimited);
                var wait = retryAfter ?? Backoff(attempt);
                if (last)
                {
                    throw new ExchangeException(ExchangeErrorKind.RateLimited, $"/{path}: HTTP 429 after {attempt + 1} attempts", wait);
                }

                await Task.Delay(wait, _time, cancellationToken);
                continue;
            }

            if (status is null || (int)status >= 500)
            {
                var what = status is null ? "timed out" : $"HTTP {(int)status}: {Truncate(text)}";
                if (!idempotent || last)
                {
                    throw new ExchangeException(status is null ? ExchangeErrorKind.Timeout : ExchangeErrorKind.ServerError, $"/{path} {what}");
                }

                await Task.Delay(Backoff(attempt), _time, cancellationToken);
                continue;
            }

            if ((int)status >= 400)
            {
                throw new ExchangeException(ExchangeErrorKind.Rejected, $"/{path} HTTP {(int)status}: {Truncate(text)}");
            }

            try
            {
                return JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new ExchangeException(ExchangeErrorKind.ServerError, $"/{path} returned invalid JSON: {e.Message}");
            }
        }
    }

    private async Task<(HttpStatusCode? Status, string Text, TimeSpan? RetryAfter)> PostOnceAsync(string path, string json, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var retryAfter = response.Headers.RetryAfter?.Delta;
            return (response.StatusCode, text, retryAfter);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "", null);
        }
        catch (HttpRequestException e)
        {
            return (HttpStatusCode.ServiceUnavailable, e.Message, null);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ticks = _backoffInitial.Ticks * Math.Pow(2, Math.Min(attempt, 16));
        return TimeSpan.FromTicks((long)Math.Min(ticks, _backoffMax.Ticks));
    }

    private static string Truncate(string text) =>
        text.Length <= 200 ? text : text[..200].ToString(CultureInfo.InvariantCulture) + "...";
}
