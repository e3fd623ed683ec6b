using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ResearchPlatform.Host.Cli;

/// <summary>
/// Finds option-like tokens (<c>--name</c>, <c>-x</c>) that the parser bound to a command's positional argument because
/// the command takes one: <c>rp runs show --jsn</c> would otherwise look up a run named "--jsn" instead of saying the
/// option is unknown. Negative numbers, a lone <c>-</c> and anything after <c>--</c> stay valid argument values.
/// </summary>
public static class UnknownOptions
{
    /// <summary>The first option-like token bound to a positional argument of the invoked command, or null.</summary>
    public static string? Find(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);

        // After "--" everything is an argument value on purpose (rp runs show -- -odd-name).
        var literal = parse.Tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).Skip(1).ToHashSet();
        foreach (var argument in parse.CommandResult.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens)
            {
                if (!literal.Contains(token) && IsOptionLike(token.Value))
                {
                    return token.Value;
                }
            }
        }

        return null;
    }

    /// <summary>The invoked command as typed, e.g. <c>rp runs show</c>.</summary>
    public static string CommandPath(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var names = new List<string>();
        for (SymbolResult? r = parse.CommandResult; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Insert(0, c.Parent is null ? "rp" : c.Command.Name);
            }
        }

        return string.Join(' ', names);
    }

    private static bool IsOptionLike(string value) =>
        value.Length > 1 && value[0] == '-' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
