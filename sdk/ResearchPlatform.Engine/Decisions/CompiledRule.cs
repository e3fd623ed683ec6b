using ResearchPlatform.Sdk.Decisions;

namespace ResearchPlatform.Engine.Decisions;

/// <summary>
/// One compiled rule: the delegate of its generated class, the file it came from, its content hash and the thresholds it
/// names. Owns its collectible load context; <see cref="Unload"/> lets the runtime free it once no caller still holds
/// the delegate.
/// </summary>
public sealed class CompiledRule
{
    private readonly RuleLoadContext? _context;

    internal CompiledRule(
        DecisionType type,
        string filePath,
        string hash,
        Func<DecisionContext, CancellationToken, DecisionResult> evaluate,
        IReadOnlyList<string> thresholdNames,
        RuleLoadContext? context)
    {
        Type = type;
        FilePath = filePath;
        Hash = hash;
        Evaluate = evaluate;
        ThresholdNames = thresholdNames;
        _context = context;
    }

    /// <summary>The decision type this rule answers.</summary>
    public DecisionType Type { get; }

    /// <summary>Full path of the .csx file.</summary>
    public string FilePath { get; }

    /// <summary>File name of the .csx file.</summary>
    public string FileName => Path.GetFileName(FilePath);

    /// <summary>Content hash (first 16 hex chars of SHA-256).</summary>
    public string Hash { get; }

    /// <summary>The rule body as a delegate (runs on the caller's thread; the engine adds the time budget).</summary>
    public Func<DecisionContext, CancellationToken, DecisionResult> Evaluate { get; }

    /// <summary>Threshold names the rule refers to by string literal (<c>Context.Threshold("x")</c>).</summary>
    public IReadOnlyList<string> ThresholdNames { get; }

    /// <summary>A weak handle on the load context, to observe that it was collected (tests, bench).</summary>
    internal WeakReference? ContextHandle => _context is null ? null : new WeakReference(_context);

    /// <summary>Starts unloading the rule's load context (completes when no delegate is referenced any more).</summary>
    public void Unload() => _context?.Unload();
}
