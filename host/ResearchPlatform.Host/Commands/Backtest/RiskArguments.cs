using System.Globalization;
using ResearchPlatform.Host.Cli;
using ResearchPlatform.Host.Plugins;
using ResearchPlatform.Sdk.Risk;

namespace ResearchPlatform.Host.Commands.Backtest;

/// <summary>Turns <c>--risk ID [--risk-gene name=value]...</c> into a <see cref="RiskGenome"/> from the plugin catalog.</summary>
internal static class RiskArguments
{
    /// <summary>The chosen risk genome: the definition's preset with the overrides applied, and the genes by name.</summary>
    /// <exception cref="BadInputException">Unknown id (the known ids are listed), unknown gene, bad or invalid value.</exception>
    public static (RiskGenome Genome, string Source, Dictionary<string, double> Genes) Resolve(string id, IReadOnlyList<string> overrides, CliOutput output)
    {
        using var catalog = PluginCatalog.Load(PluginSearchPaths.Resolve(null));
        if (!catalog.TryGetComponent(PluginContracts.Risk, id, out var component))
        {
            var ids = catalog.GetAll<IRiskGenomeDefinition>(PluginContracts.Risk).Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
            throw new BadInputException($"unknown risk genome '{id}' (known: {(ids.Count == 0 ? "none loaded" : string.Join(", ", ids))})");
        }

        var definition = (IRiskGenomeDefinition)component.Instance;
        var values = definition.Genes.Select(g => g.Default).ToArray();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var arg in overrides)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq].Trim() : string.Empty;
            var index = IndexOf(definition, name);
            if (eq <= 0 || index < 0)
            {
                throw new BadInputException($"--risk-gene '{arg}': expected name=value with a gene of risk genome '{definition.Id}' ({string.Join(", ", definition.Genes.Select(g => g.Name))})");
            }

            if (!seen.Add(name))
            {
                throw new BadInputException($"--risk-gene '{name}' given twice");
            }

            var spec = definition.Genes[index];
            if (!double.TryParse(arg[(eq + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new BadInputException($"--risk-gene '{arg}': '{arg[(eq + 1)..]}' is not a number");
            }

            if (value < spec.Min || value > spec.Max)
            {
                output.Warn(string.Create(CultureInfo.InvariantCulture, $"--risk-gene '{arg}': outside the search bounds [{spec.Min}, {spec.Max}] of {spec.Name}"));
            }

            values[index] = value;
        }

        var problems = definition.Validate(values);
        if (problems.Count > 0)
        {
            throw new BadInputException($"invalid risk genes for '{definition.Id}': {string.Join("; ", problems)}");
        }

        var genes = definition.Genes.Select((g, i) => (g.Name, Value: values[i])).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        return (RiskGenome.FromGenes(definition.Genes, values), component.Source, genes);
    }

    private static int IndexOf(IRiskGenomeDefinition definition, string name)
    {
        for (var i = 0; i < definition.Genes.Count; i++)
        {
            if (string.Equals(definition.Genes[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
