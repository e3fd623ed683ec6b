using Microsoft.AspNetCore.Http;

namespace ResearchPlatform.Host.Service.Api;

/// <summary>JSON results with the API's serializer and the contract's error shape <c>{"error": "..."}</c>.</summary>
internal static class ApiResults
{
    public static IResult Json(object? value) => Results.Json(value, ApiJson.Options);

    public static IResult Error(int status, string message) => Results.Json(new { error = message }, ApiJson.Options, statusCode: status);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    /// <summary>Parses an optional positive <c>limit</c> (default when absent); null with an error result when invalid.</summary>
    public static bool TryLimit(string? raw, int fallback, out int limit, out IResult? error)
    {
        error = null;
        limit = fallback;
        if (raw is null)
        {
            return true;
        }

        if (int.TryParse(raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out limit) && limit is > 0 and <= 10_000)
        {
            return true;
        }

        error = BadRequest($"field 'limit': '{raw}' is not an integer in 1..10000");
        return false;
    }
}
