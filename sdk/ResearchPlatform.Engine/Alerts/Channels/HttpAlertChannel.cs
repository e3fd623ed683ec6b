using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResearchPlatform.Engine.Alerts.Channels;

/// <summary>
/// DISCORD, SLACK and WEBHOOK: POSTs a JSON payload to a secret URL. 2xx = delivered; 429 = retry after the server's
/// Retry-After (header, or Discord's <c>retry_after</c> body field); 408 and 5xx = retry with backoff; other 4xx = not
/// retryable. Error messages never contain the URL (it is a secret) and pass through <see cref="SecretRedactor"/>.
/// </summary>
internal sealed class HttpAlertChannel(
    string name,
    string kind,
    HttpClient http,
    string url,
    Func<AlertNotice, JsonObject> payload,
    SecretRedactor redactor,
    TimeProvider time) : IAlertChannel
{
    public string Name { get; } = name;

    public async Task DeliverAsync(AlertNotice notice, CancellationToken ct)
    {
        using var content = new StringContent(payload(notice).ToJsonString(), Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(new Uri(url), content, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new AlertDeliveryException(redactor.Redact($"{kind} webhook unreachable: {ex.Message}"), retryable: true, inner: null);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AlertDeliveryException($"{kind} webhook timed out", retryable: true);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var code = (int)response.StatusCode;
            var body = await SafeBody(response, ct);
            var message = redactor.Redact($"{kind} webhook answered HTTP {code.ToString(CultureInfo.InvariantCulture)}{(body.Length > 0 ? ": " + body : string.Empty)}");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new AlertDeliveryException(message, retryable: true, RetryAfter(response, body));
            }

            throw new AlertDeliveryException(message, retryable: code >= 500 || code == 408);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response, string body)
    {
        if (response.Headers.RetryAfter is { } ra)
        {
            if (ra.Delta is { } delta)
            {
                return delta;
            }

            if (ra.Date is { } date)
            {
                return date - time.GetUtcNow();
            }
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("retry_after", out var s) && s.TryGetDouble(out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static async Task<string> SafeBody(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            return text.Length > 300 ? text[..300] : text;
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
    }
}
