using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>
/// Semantic allowlist check of a compiled rule: every name is bound and rejected when it reaches files, network,
/// processes, reflection, interop, threads/tasks, the environment, the console or the wall clock. Defence in depth, not a
/// sandbox: all of CoreLib is referenceable, so untrusted rules belong in a separate process.
/// </summary>
internal static class ForbiddenApiWalker
{
    public const string Code = "RP0001";

    private static readonly string[] ForbiddenNamespaces =
    [
        "System.IO", "System.Net", "System.Reflection", "System.Diagnostics", "System.Runtime.InteropServices",
        "System.Runtime.Loader", "System.Runtime.CompilerServices", "System.Threading.Tasks", "System.Security",
        "Microsoft.Win32", "System.Resources",
    ];

    private static readonly HashSet<string> ForbiddenTypes = new(StringComparer.Ordinal)
    {
        "System.Environment", "System.AppDomain", "System.Activator", "System.GC", "System.Console", "System.AppContext",
        "System.Threading.Thread", "System.Threading.ThreadPool", "System.Threading.Timer", "System.Threading.Monitor",
        "System.Runtime.GCSettings", "System.Type",
    };

    private static readonly HashSet<string> ForbiddenMembers = new(StringComparer.Ordinal)
    {
        "System.DateTime.Now", "System.DateTime.UtcNow", "System.DateTime.Today", "System.DateTimeOffset.Now",
        "System.DateTimeOffset.UtcNow", "System.Object.GetType",
    };

    public static IEnumerable<(Location Location, string Message)> Find(SyntaxTree tree, SemanticModel model)
    {
        var root = tree.GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case UnsafeStatementSyntax:
                    yield return (node.GetLocation(), "unsafe code is not allowed in rules");
                    continue;
                case IdentifierNameSyntax { Identifier.ValueText: "dynamic" } id when model.GetTypeInfo(id).Type?.TypeKind == TypeKind.Dynamic:
                    yield return (node.GetLocation(), "dynamic is not allowed in rules");
                    continue;
                case SimpleNameSyntax name:
                    var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                    if (symbol is not null && Reason(symbol) is { } reason)
                    {
                        yield return (name.GetLocation(), reason);
                    }

                    continue;
            }

            if (node is LocalFunctionStatementSyntax f && f.Modifiers.Any(m => m.IsKind(SyntaxKind.ExternKeyword)))
            {
                yield return (node.GetLocation(), "extern functions are not allowed in rules");
            }
        }
    }

    private static string? Reason(ISymbol symbol)
    {
        if (symbol is INamespaceSymbol ns)
        {
            return IsForbiddenNamespace(ns.ToDisplayString()) ? $"namespace {ns.ToDisplayString()} is not allowed in rules" : null;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is not null)
        {
            var typeName = type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty, StringComparison.Ordinal);
            var generic = typeName.Split('<')[0];
            if (ForbiddenTypes.Contains(generic))
            {
                return $"{generic} is not allowed in rules";
            }

            if (IsForbiddenNamespace(type.ContainingNamespace?.ToDisplayString() ?? string.Empty))
            {
                return $"{generic} ({type.ContainingNamespace}) is not allowed in rules";
            }

            if (symbol is not INamedTypeSymbol && ForbiddenMembers.Contains(generic + "." + symbol.Name))
            {
                return $"{generic}.{symbol.Name} is not allowed in rules (use Context.AsOf; rules must be pure)";
            }
        }

        return null;
    }

    private static bool IsForbiddenNamespace(string ns) =>
        ForbiddenNamespaces.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal));
}
