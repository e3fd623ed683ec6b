namespace ResearchPlatform.Host.Plugins;

/// <summary>
/// An Sdk contract that plugins may implement, e.g. <c>ISeedType</c> under the kind <c>seed</c>. The loader instantiates
/// every public, non-abstract plugin type assignable to <see cref="ContractType"/> and files the instance under
/// <c>kind:id</c>, the same form a manifest's <c>provides</c> uses. New contracts (risk genomes, exchange adapters, ...)
/// are added to <see cref="PluginContracts.All"/> with one line.
/// </summary>
public sealed class PluginContract
{
    private readonly Func<object, string> _idOf;

    private PluginContract(string kind, Type contractType, Func<object, string> idOf)
    {
        Kind = kind;
        ContractType = contractType;
        _idOf = idOf;
    }

    /// <summary>The kind used in <c>provides</c> entries, e.g. <c>seed</c>.</summary>
    public string Kind { get; }

    /// <summary>The Sdk interface or base class (shared with plugins, so instances unify with the host's type).</summary>
    public Type ContractType { get; }

    /// <summary>Creates a contract whose instances are identified by <paramref name="idOf"/>.</summary>
    public static PluginContract Create<T>(string kind, Func<T, string> idOf)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(idOf);
        return new PluginContract(kind, typeof(T), o => idOf((T)o));
    }

    /// <summary>The id of an instance of this contract (calls into plugin code, so it may throw).</summary>
    public string IdOf(object instance) => _idOf(instance);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} ({ContractType.FullName})";
}
