namespace ResearchPlatform.Engine.Alerts.Channels;

/// <summary>Length limits of the chat services' formats.</summary>
internal static class Text
{
    public static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
