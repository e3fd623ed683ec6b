using ResearchPlatform.Sdk.Alerts;

namespace ResearchPlatform.Engine.Alerts;

/// <summary>Upper-case names of levels and categories as stored and shown (INFORMATIONAL, SYSTEM, ...).</summary>
public static class AlertLevels
{
    /// <summary>Parses a level name, case-insensitively (<c>info</c> is accepted for INFORMATIONAL).</summary>
    public static bool TryParse(string text, out AlertLevel level)
    {
        if (string.Equals(text, "info", StringComparison.OrdinalIgnoreCase))
        {
            level = AlertLevel.Informational;
            return true;
        }

        return Enum.TryParse(text, ignoreCase: true, out level) && Enum.IsDefined(level) && !int.TryParse(text, out _);
    }

    /// <summary>Parses a category name, case-insensitively.</summary>
    public static bool TryParseCategory(string text, out AlertCategory category) =>
        Enum.TryParse(text, ignoreCase: true, out category) && Enum.IsDefined(category) && !int.TryParse(text, out _);

    /// <summary><c>CRITICAL</c>.</summary>
    public static string Name(AlertLevel level) => level.ToString().ToUpperInvariant();

    /// <summary><c>TRADING</c>.</summary>
    public static string Name(AlertCategory category) => category.ToString().ToUpperInvariant();
}
