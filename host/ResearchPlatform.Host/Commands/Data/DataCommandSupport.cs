using System.CommandLine;
using System.Globalization;
using ResearchPlatform.Engine.Data;
using ResearchPlatform.Engine.Storage;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Sdk.Data;

namespace ResearchPlatform.Host.Commands.Data;

/// <summary>Shared plumbing of the <c>data</c> commands: workspace database, option parsing, error mapping, formatting.</summary>
internal static class DataCommandSupport
{
    /// <summary>Opens (creating when needed) the workspace's research.duckdb.</summary>
    public static ResearchDatabase OpenDatabase(ParseResult parse, CommonOptions common)
    {
        var workspace = Workspace.Resolve(parse.GetValue(common.Workspace)).EnsureExists();
        return ResearchDatabase.Open(workspace.DatabasePath);
    }

    /// <summary>Runs <paramref name="body"/>, turning invalid data or arguments into <see cref="BadInputException"/> (exit 2).</summary>
    public static async Task<int> MapErrors(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (DataValidationException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }
        catch (ArgumentException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }
    }

    /// <summary>Parses an optional interval option value.</summary>
    public static BarInterval? ParseInterval(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return BarInterval.TryParse(text, out var interval, out var error) ? interval : throw new BadInputException($"{option}: {error}");
    }

    /// <summary>Parses an optional ISO-8601 date/time option value (UTC when no offset).</summary>
    public static DateTimeOffset? ParseTime(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw new BadInputException($"{option}: '{text}' is not a date/time (use ISO-8601, e.g. 2024-01-31 or 2024-01-31T12:00Z)");
    }

    /// <summary>ISO-8601 UTC text, e.g. 2017-08-17T04:00:00Z.</summary>
    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO-8601 text or empty.</summary>
    public static string? Iso(DateTimeOffset? t) => t is { } v ? Iso(v) : null;

    /// <summary>A number with thousands separators.</summary>
    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The JSON shape of a gap.</summary>
    public static GapJson ToJson(Gap g) => new(Iso(g.From), Iso(g.To), g.MissingBars);

    /// <summary>A gap in JSON: [from, to) with the number of missing bars.</summary>
    public sealed record GapJson(string From, string To, long MissingBars);
}
