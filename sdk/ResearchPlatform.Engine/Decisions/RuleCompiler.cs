using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>
/// Compiles .csx rule bodies with <c>CSharpCompilation.Emit</c>
/// into one collectible <see cref="RuleLoadContext"/> per rule (about 3 ns per call, unloadable; scripting delegates
/// would cost ~300 ns and leak an assembly per compile). Results are cached by (type, content hash) while in use:
/// recompiling unchanged text is free. Thread-safe.
/// </summary>
public sealed class RuleCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);
    private static readonly CSharpCompilationOptions CompileOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        allowUnsafe: false,
        nullableContextOptions: NullableContextOptions.Disable,
        concurrentBuild: false);

    private readonly ConcurrentDictionary<(DecisionType, string), CompiledRule> _cache = new();

    /// <summary>Rules currently held by the cache.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>Compiles <paramref name="code"/> read from <paramref name="path"/> as the rule of <paramref name="type"/>.</summary>
    public RuleCompileResult Compile(DecisionType type, string path, string code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var hash = RuleSource.Hash(code);
        if (_cache.TryGetValue((type, hash), out var cached) && cached.FilePath == path)
        {
            return new RuleCompileResult(cached, [], FromCache: true);
        }

        var result = CompileCore(type, path, code, hash, ct);
        if (result.Rule is { } rule)
        {
            _cache[(type, hash)] = rule;
        }

        return result;
    }

    /// <summary>Drops <paramref name="rule"/> from the cache and unloads its context (call when it was replaced).</summary>
    public void Release(CompiledRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (_cache.TryRemove(new KeyValuePair<(DecisionType, string), CompiledRule>((rule.Type, rule.Hash), rule)))
        {
            rule.Unload();
        }
    }

    private static RuleCompileResult CompileCore(DecisionType type, string path, string code, string hash, CancellationToken ct)
    {
        var tree = CSharpSyntaxTree.ParseText(RuleSource.Wrap(code, path), ParseOptions, path, Encoding.UTF8, ct);
        var compilation = CSharpCompilation.Create("rp_rule_" + hash, [tree], References.Value, CompileOptions);
        var errors = compilation.GetDiagnostics(ct)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => ToDiagnostic(path, d.Location, d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        if (errors.Count == 0)
        {
            var model = compilation.GetSemanticModel(tree);
            errors.AddRange(ForbiddenApiWalker.Find(tree, model).Select(f => ToDiagnostic(path, f.Location, ForbiddenApiWalker.Code, f.Message)));
        }

        if (errors.Count > 0)
        {
            return new RuleCompileResult(null, Distinct(errors));
        }

        using var pe = new MemoryStream();
        var emit = compilation.Emit(pe, cancellationToken: ct);
        if (!emit.Success)
        {
            return new RuleCompileResult(null, [.. emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => ToDiagnostic(path, d.Location, d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))]);
        }

        pe.Position = 0;
        var alc = new RuleLoadContext("rule:" + Path.GetFileName(path) + ":" + hash);
        var method = alc.LoadFromStream(pe).GetType(RuleSource.ClassName)!.GetMethod(RuleSource.MethodName)!;
        var del = method.CreateDelegate<Func<DecisionContext, CancellationToken, DecisionResult>>();
        return new RuleCompileResult(new CompiledRule(type, path, hash, del, ThresholdNames(tree), alc), []);
    }

    private static List<RuleDiagnostic> Distinct(List<RuleDiagnostic> errors) =>
        [.. errors.DistinctBy(e => (e.Line, e.Column, e.Code, e.Message)).OrderBy(e => e.Line).ThenBy(e => e.Column)];

    private static RuleDiagnostic ToDiagnostic(string path, Location location, string code, string message)
    {
        var span = location.GetMappedLineSpan();
        return span.HasMappedPath
            ? new RuleDiagnostic(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, code, message)
            : new RuleDiagnostic(path, 1, 1, code, message + " (in the rule as a whole: a rule body must return a DecisionResult on every path)");
    }

    private static List<string> ThresholdNames(SyntaxTree tree) =>
    [
        .. tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => (i.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText is "Threshold" or "Get" or "GetOrDefault")
            .Select(i => i.ArgumentList.Arguments.FirstOrDefault()?.Expression)
            .OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression))
            .Select(l => l.Token.ValueText)
            .Distinct(StringComparer.Ordinal),
    ];

    private static List<MetadataReference> LoadReferences()
    {
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        string[] wanted = ["System.Private.CoreLib", "System.Runtime", "System.Linq", "System.Collections", "netstandard", "System.Collections.Immutable"];
        var refs = tpa.Where(p => wanted.Contains(Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(DecisionContext).Assembly.Location));
        return refs;
    }
}
