using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ResearchPlatform.Host.Notebooks;

/// <summary>
/// Papermill's convention for C#: the cell tagged <c>parameters</c> declares defaults (<c>int generations = 5;</c>),
/// and <c>--param name=value</c> values become a cell injected after it that redeclares them with the same type
/// (<c>int generations = 12;</c>). Types: string, bool, int, long, double, decimal; <c>var</c> takes the default's type.
/// </summary>
internal static class NotebookParameters
{
    /// <summary>Parses <c>name=value</c> arguments; a bad one is a <see cref="NotebookFormatException"/>.</summary>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> arguments)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in arguments)
        {
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? a[..eq].Trim() : string.Empty;
            if (eq <= 0 || !SyntaxFacts.IsValidIdentifier(name))
            {
                throw new NotebookFormatException($"--param '{a}': expected name=value with a C# identifier as name");
            }

            result[name] = a[(eq + 1)..];
        }

        return result;
    }

    /// <summary>The declared parameters of a <c>parameters</c> cell: name -> C# type keyword (or "var:kind").</summary>
    public static IReadOnlyDictionary<string, string> Declared(string parametersCellSource)
    {
        var tree = CSharpSyntaxTree.ParseText(parametersCellSource, new CSharpParseOptions(kind: SourceCodeKind.Script));
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<VariableDeclarationSyntax>())
        {
            foreach (var v in declaration.Variables)
            {
                var type = declaration.Type.ToString();
                if (type == "var" && v.Initializer?.Value is LiteralExpressionSyntax literal)
                {
                    type = TypeOfLiteral(literal);
                }

                declared[v.Identifier.Text] = type;
            }
        }

        return declared;
    }

    /// <summary>Builds the injected cell; unknown names are declared by the value's shape and reported in <paramref name="warnings"/>.</summary>
    public static string BuildInjectedCell(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> declared, List<string> warnings)
    {
        var sb = new StringBuilder("// Parameters injected by rp notebook run\n");
        foreach (var (name, raw) in values)
        {
            if (!declared.TryGetValue(name, out var type))
            {
                type = Infer(raw);
                warnings.Add($"parameter '{name}' is not declared in the notebook's parameters cell; injected as {type}");
            }

            sb.Append(type).Append(' ').Append(name).Append(" = ").Append(Literal(name, type, raw)).Append(";\n");
        }

        return sb.ToString();
    }

    private static string TypeOfLiteral(LiteralExpressionSyntax literal) => literal.Token.Value switch
    {
        string => "string",
        bool => "bool",
        int => "int",
        long => "long",
        double => "double",
        decimal => "decimal",
        float => "float",
        _ => "var",
    };

    private static string Infer(string raw) =>
        bool.TryParse(raw, out _) ? "bool"
        : int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? "int"
        : double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "double"
        : "string";

    private static string Literal(string name, string type, string raw)
    {
        string Bad() => throw new NotebookFormatException($"--param {name}={raw}: not a valid {type}");
        return type switch
        {
            "string" or "string?" => SymbolDisplay.FormatLiteral(raw, quote: true),
            "bool" => bool.TryParse(raw, out var b) ? (b ? "true" : "false") : Bad(),
            "int" => int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i.ToString(CultureInfo.InvariantCulture) : Bad(),
            "long" => long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l.ToString(CultureInfo.InvariantCulture) + "L" : Bad(),
            "double" => double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) + "d" : Bad(),
            "float" => float.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && float.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) + "f" : Bad(),
            "decimal" => decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m.ToString(CultureInfo.InvariantCulture) + "m" : Bad(),
            _ => throw new NotebookFormatException($"--param {name}: the parameters cell declares it as '{type}'; only string, bool, int, long, double, float and decimal can be set"),
        };
    }
}
