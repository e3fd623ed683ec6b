using ResearchPlatform.Engine.Decisions;
using ResearchPlatform.Host.Cli;

namespace ResearchPlatform.Host.Commands.Decisions;

/// <summary>Finds the rules folder: --rules, else ./rules, else &lt;exe dir&gt;/rules (defaults shipped with the host).</summary>
internal static class RulesLocator
{
    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            var full = Path.GetFullPath(option);
            return Directory.Exists(full) ? full : throw new BadInputException($"--rules: folder not found: {full}");
        }

        foreach (var candidate in new[] { Path.Combine(Directory.GetCurrentDirectory(), "rules"), Path.Combine(AppContext.BaseDirectory, "rules") })
        {
            if (File.Exists(Path.Combine(candidate, RuleFiles.ThresholdsFileName)))
            {
                return candidate;
            }
        }

        throw new BadInputException("no rules folder: pass --rules DIR (looked for ./rules and <rp dir>/rules)");
    }
}
