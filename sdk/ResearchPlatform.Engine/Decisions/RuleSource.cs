using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>
/// Turns a .csx rule body into a compilable class: leading <c>using</c> lines move to the top of the generated file,
/// the body becomes the body of <c>RuleClass.Evaluate(DecisionContext Context, CancellationToken Cancellation)</c>,
/// and <c>#line</c> directives map every diagnostic back to the .csx's own line and column.
/// </summary>
internal static partial class RuleSource
{
    /// <summary>Bumped whenever the wrapper changes, so cached hashes never mix wrapper versions.</summary>
    private const string WrapperVersion = "rp-rule-wrapper-1";

    public const string ClassName = "RuleClass";
    public const string MethodName = "Evaluate";

    /// <summary>First 16 hex chars of SHA-256 of the content (and wrapper version).</summary>
    public static string Hash(string code)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(WrapperVersion + "\n" + code));
        return Convert.ToHexStringLower(bytes)[..16];
    }

    public static string Wrap(string code, string path)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = new StringBuilder();
        header.AppendLine("using System;").AppendLine("using System.Linq;").AppendLine("using System.Collections.Generic;")
            .AppendLine("using ResearchPlatform.Sdk.Decisions;");
        var quoted = path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var bodyStart = 0;
        for (; bodyStart < lines.Length; bodyStart++)
        {
            var line = lines[bodyStart].Trim();
            if (UsingLine().IsMatch(line))
            {
                header.Append(CultureInfo.InvariantCulture, $"#line {bodyStart + 1} \"{quoted}\"\n").Append(lines[bodyStart]).Append('\n');
                lines[bodyStart] = string.Empty;
            }
            else if (line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
            {
                break;
            }
        }

        header.Append("#line default\n")
            .Append("public static class ").Append(ClassName).Append("\n{\n")
            .Append("    public static DecisionResult ").Append(MethodName)
            .Append("(DecisionContext Context, global::System.Threading.CancellationToken Cancellation)\n    {\n")
            .Append(CultureInfo.InvariantCulture, $"#line 1 \"{quoted}\"\n")
            .Append(string.Join('\n', lines))
            .Append("\n#line default\n    }\n}\n");
        return header.ToString();
    }

    [GeneratedRegex(@"^using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[A-Za-z_][\w.<>, ]*)?\s*;$")]
    private static partial Regex UsingLine();
}
